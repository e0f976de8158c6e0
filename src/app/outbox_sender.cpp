#include "app/outbox_sender.h"

#include "diag/log.h"
#include "store/vault_citizens.h"

#include <boost/json.hpp>

#include <algorithm>
#include <random>

namespace cd::app {

namespace json = boost::json;

std::string encode_refusal(const Message& reason) {
    json::array args;
    for (const auto& a : reason.args) {
        args.emplace_back(a);
    }
    return json::serialize(json::object{{"id", reason.id}, {"args", std::move(args)}});
}

Message decode_refusal(const std::string& text) {
    json::error_code ec;
    auto v = json::parse(text, ec);
    const json::object* o = ec ? nullptr : v.if_object();
    const json::value* id = o ? o->if_contains("id") : nullptr;
    if (!id || !id->is_string() || id->as_string().empty()) {
        return msg(N_("The platform refused it."));
    }
    Message m{std::string(id->as_string()), {}};
    if (const json::value* args = o->if_contains("args"); args && args->is_array()) {
        for (const auto& a : args->as_array()) {
            m.args.emplace_back(a.is_string() ? std::string(a.as_string()) : std::string());
        }
    }
    return m;
}

OutboxSender::OutboxSender(Dispatcher& ui, VaultService& vault, EventHub& events, Clock now,
                           Random random)
    : ui_(ui), vault_(vault), now_(std::move(now)), random_(std::move(random)),
      subscription_(events, [this](AppEvent event) {
          if (event == AppEvent::vault_unlocked || event == AppEvent::online ||
              event == AppEvent::signed_in) {
              flush();
          }
          if (event == AppEvent::vault_unlocked) {
              refresh_refused_count();
          } else if (event == AppEvent::vault_locked && count_listener_) {
              count_listener_(0);
          }
      }) {
    if (!random_) {
        random_ = [engine = std::make_shared<std::minstd_rand>(std::random_device{}())] {
            return std::uniform_real_distribution<double>(0.0, 1.0)(*engine);
        };
    }
}

void OutboxSender::set_refused_count_listener(CountListener listener) {
    count_listener_ = std::move(listener);
    refresh_refused_count();
}

void OutboxSender::refresh_refused_count() {
    if (!count_listener_ || !vault_.unlocked()) {
        return;
    }
    vault_.run<std::int64_t>(
        [](store::Vault& vault) { return store::Outbox(vault).count_refused(); },
        lifetime_.guard([this](Result<std::int64_t> count) {
            if (count.ok() && count_listener_) {
                count_listener_(*count);
            }
        }));
}

void OutboxSender::set_deliverer(const std::string& kind, Deliverer deliverer) {
    deliverers_[kind] = std::move(deliverer);
}

void OutboxSender::remove_deliverer(const std::string& kind) {
    deliverers_.erase(kind);
}

int OutboxSender::add_listener(Listener listener) {
    const int token = next_listener_++;
    listeners_.emplace(token, std::move(listener));
    return token;
}

void OutboxSender::remove_listener(int token) {
    listeners_.erase(token);
}

std::chrono::seconds OutboxSender::backoff(int attempts) {
    using namespace std::chrono_literals;
    const int doublings = std::clamp(attempts - 1, 0, 5); // 30 s .. 16 min
    return std::min<std::chrono::seconds>(30s * (1 << doublings), 15min);
}

std::chrono::seconds OutboxSender::with_jitter(std::chrono::seconds delay, double unit) {
    const double factor = 0.8 + 0.4 * std::clamp(unit, 0.0, 1.0);
    return std::chrono::seconds(
        static_cast<std::int64_t>(static_cast<double>(delay.count()) * factor));
}

bool OutboxSender::refused_for_good(const Error& error) {
    const int status = error.http_status;
    if (status >= 400 && status < 500) {
        return status != 401 && status != 408 && status != 425 && status != 429;
    }
    return status == 0 && (error.kind == ErrorKind::validation || error.kind == ErrorKind::storage);
}

void OutboxSender::flush() {
    if (flushing_) {
        again_ = true;
        return;
    }
    if (!vault_.unlocked() || deliverers_.empty()) {
        return;
    }
    // Signed out, only items queued without a citizen leave (they need nobody's session).
    const std::string owner = citizen_ ? citizen_() : std::string();
    flushing_ = true;
    again_ = false;
    const auto now = now_();
    vault_.run<std::vector<store::OutboxItem>>(
        [now, owner,
         bound = bool(citizen_)](store::Vault& vault) -> Result<std::vector<store::OutboxItem>> {
            if (!bound) {
                return store::Outbox(vault).due(now);
            }
            if (owner.empty()) {
                return store::Outbox(vault).due_for(now, owner, true);
            }
            auto seen = store::VaultCitizens(vault).note(owner, now);
            if (!seen.ok()) {
                return seen.error();
            }
            return store::Outbox(vault).due_for(now, owner, *seen == 1);
        },
        lifetime_.guard([this](Result<std::vector<store::OutboxItem>> items) {
            if (!items.ok()) {
                diag::warn(diag::Category::app, "outbox not read: ", items.error().log_line());
                finish();
                return;
            }
            send_next(std::move(*items), 0);
        }));
}

void OutboxSender::send_next(std::vector<store::OutboxItem> items, std::size_t index) {
    while (index < items.size() && deliverers_.count(items[index].kind) == 0) {
        ++index; // a kind whose screen is not here: it waits for its deliverer
    }
    if (index >= items.size()) {
        finish();
        return;
    }
    const store::OutboxItem item = items[index];
    if (citizen_ && !item.owner.empty() && citizen_() != item.owner) {
        // Signed out (or another citizen signed in) since the items were read: they wait.
        finish();
        return;
    }
    diag::info(diag::Category::app, "outbox: sending item ", item.id, " (", item.kind, ", attempt ",
               item.attempts + 1, ")");
    auto on_outcome = lifetime_.guard([this, items = std::move(items), index,
                                       item](Result<std::string> outcome) mutable {
        if (outcome.ok()) {
            const std::int64_t id = item.id;
            vault_.run<Done>(
                [id](store::Vault& vault) { return store::Outbox(vault).confirm(id); },
                lifetime_.guard([this, item, outcome, items = std::move(items),
                                 index](Status confirmed) mutable {
                    if (!confirmed.ok()) {
                        diag::error(diag::Category::app, "outbox: item ", item.id,
                                    " delivered but not removed: ", confirmed.error().log_line());
                    }
                    report(item, outcome);
                    send_next(std::move(items), index + 1);
                }));
            return;
        }
        fail(std::move(items), index, outcome.error());
    });
    deliverers_[item.kind](item, [this, on_outcome](Result<std::string> outcome) mutable {
        ui_.post([on_outcome, outcome = std::move(outcome)]() mutable {
            on_outcome(std::move(outcome));
        });
    });
}

void OutboxSender::fail(std::vector<store::OutboxItem> items, std::size_t index,
                        const Error& error) {
    const store::OutboxItem item = items[index];
    const std::int64_t id = item.id;
    const std::string detail = error.log_line();
    const Result<std::string> outcome(error);
    if (refused_for_good(error)) {
        diag::warn(diag::Category::app, "outbox: item ", id, " refused: ", detail);
        const std::string reason = encode_refusal(error.message_for_user());
        vault_.run<Done>(
            [id, reason, detail](store::Vault& vault) {
                return store::Outbox(vault).refuse(id, reason, detail);
            },
            lifetime_.guard(
                [this, item, outcome, items = std::move(items), index](Status kept) mutable {
                    if (!kept.ok()) {
                        diag::error(diag::Category::app, "outbox: refusal of item ", item.id,
                                    " not kept: ", kept.error().log_line());
                    }
                    report(item, outcome);
                    refresh_refused_count();
                    send_next(std::move(items), index + 1);
                }));
        return;
    }
    diag::warn(diag::Category::app, "outbox: item ", id, " not delivered: ", detail);
    const auto retry_at = now_() + with_jitter(backoff(item.attempts + 1), random_());
    vault_.run<Done>(
        [id, detail, retry_at](store::Vault& vault) {
            return store::Outbox(vault).record_failure(id, detail, retry_at);
        },
        lifetime_.guard([this, item, outcome](Status) {
            report(item, outcome);
            finish(); // the platform is not taking items now: the rest wait too
        }));
}

void OutboxSender::finish() {
    flushing_ = false;
    if (again_) {
        again_ = false;
        flush();
    }
}

void OutboxSender::report(const store::OutboxItem& item, const Result<std::string>& outcome) {
    auto listeners = listeners_; // a listener may remove itself
    for (auto& [token, listener] : listeners) {
        listener(item, outcome);
    }
}

} // namespace cd::app
