#include "app/outbox_sender.h"

#include "diag/log.h"
#include "store/vault_citizens.h"

#include <algorithm>

namespace cd::app {

OutboxSender::OutboxSender(Dispatcher& ui, VaultService& vault, EventHub& events, Clock now)
    : ui_(ui), vault_(vault), now_(std::move(now)), subscription_(events, [this](AppEvent event) {
          if (event == AppEvent::vault_unlocked || event == AppEvent::online ||
              event == AppEvent::signed_in) {
              flush();
          }
      }) {}

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

std::chrono::seconds OutboxSender::backoff(int attempts, bool retryable) {
    using namespace std::chrono_literals;
    if (!retryable) {
        return 24h;
    }
    const int doublings = std::clamp(attempts - 1, 0, 7); // 30 s .. 64 min
    return std::min<std::chrono::seconds>(30s * (1 << doublings), 1h);
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
        const Error& error = outcome.error();
        diag::warn(diag::Category::app, "outbox: item ", item.id,
                   " not delivered: ", error.log_line());
        const auto retry_at = now_() + backoff(item.attempts + 1, error.retryable);
        const std::int64_t id = item.id;
        const std::string detail = error.log_line();
        vault_.run<Done>(
            [id, detail, retry_at](store::Vault& vault) {
                return store::Outbox(vault).record_failure(id, detail, retry_at);
            },
            lifetime_.guard([this, item, outcome, items = std::move(items), index,
                             retryable = error.retryable](Status) mutable {
                report(item, outcome);
                if (retryable) {
                    finish(); // the platform is not taking items now: the rest wait too
                } else {
                    send_next(std::move(items), index + 1);
                }
            }));
    });
    deliverers_[item.kind](item, [this, on_outcome](Result<std::string> outcome) mutable {
        ui_.post([on_outcome, outcome = std::move(outcome)]() mutable {
            on_outcome(std::move(outcome));
        });
    });
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
