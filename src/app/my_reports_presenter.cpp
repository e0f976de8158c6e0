#include "app/my_reports_presenter.h"

#include "api/open311_time.h"
#include "app/open311_settings.h"
#include "app/voice_reports.h"
#include "store/outbox.h"

#include <algorithm>
#include <map>

namespace cd::app {
namespace {

Message state_of(const std::string& status) {
    if (status == "closed") {
        return msg(N_("Closed"));
    }
    if (status == "open") {
        return msg(N_("Open"));
    }
    return msg(N_("Sent"));
}

struct Local {
    std::vector<MyReport> reports;
    std::set<std::string> seen;
};

} // namespace

bool updates_unsupported(const Error& error) {
    const int s = error.http_status;
    return s == 404 || s == 405 || s == 410 || s == 501;
}

std::vector<TimelineEntry> status_timeline(const api::open311::ServiceRequest& request) {
    if (request.status.empty() && request.status_notes.empty()) {
        return {};
    }
    std::string when = api::open311::normalized_utc(request.updated_datetime);
    if (when.empty()) {
        when = api::open311::normalized_utc(request.requested_datetime);
    }
    return {{when, request.status, request.status_notes}};
}

std::vector<TimelineEntry> updates_timeline(const std::vector<api::open311::RequestUpdate>& u) {
    std::vector<TimelineEntry> out;
    for (const auto& update : u) {
        out.push_back({api::open311::normalized_utc(update.updated_datetime), update.status,
                       update.description});
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const auto& a, const auto& b) { return a.when_utc < b.when_utc; });
    return out;
}

MyReportsPresenter::MyReportsPresenter(AppContext& context, MyReportsView& view)
    : context_(context), view_(view) {
    listener_ = context_.outbox.add_listener(
        lifetime_.guard([this](const store::OutboxItem& item, const Result<std::string>& outcome) {
            if (item.kind == report_outbox_kind &&
                (outcome.ok() || OutboxSender::refused_for_good(outcome.error()))) {
                poll();
            }
        }));
    subscription_ = Subscription(context_.events, lifetime_.guard([this](AppEvent event) {
        if (event == AppEvent::vault_unlocked || event == AppEvent::open311_changed) {
            poll();
        } else if (event == AppEvent::vault_locked) {
            reports_.clear();
            view_.show_reports(reports_);
        }
    }));
}

MyReportsPresenter::~MyReportsPresenter() {
    context_.outbox.remove_listener(listener_);
}

void MyReportsPresenter::start() {
    poll();
}

void MyReportsPresenter::poll() {
    if (loading()) {
        again_ = true;
        return;
    }
    if (!context_.vault.unlocked()) {
        view_.show_note(msg(N_("Unlock your data to see your reports.")));
        return;
    }
    reading_ = true;
    again_ = false;
    view_.show_busy(true);
    context_.vault.run<Local>(
        [](store::Vault& v) -> Result<Local> {
            auto entries = load_my_reports(v);
            if (!entries.ok()) {
                return entries.error();
            }
            auto items = store::Outbox(v).all();
            if (!items.ok()) {
                return items.error();
            }
            auto seen = load_seen_updates(v);
            if (!seen.ok()) {
                return seen.error();
            }
            std::map<std::string, const store::OutboxItem*> queued;
            for (const auto& item : *items) {
                if (item.kind == report_outbox_kind) {
                    queued[outbox_reference(item.id)] = &item;
                }
            }
            Local local;
            local.seen = std::move(*seen);
            for (auto e = entries->rbegin(); e != entries->rend(); ++e) {
                MyReport r;
                r.reference = e->reference;
                if (e->waiting()) {
                    auto it = queued.find(e->reference);
                    if (it == queued.end()) {
                        continue; // delivered while this was being read: the next poll has it
                    }
                    const auto fields = decode_payload(it->second->payload);
                    r.waiting = true;
                    r.outbox_id = it->second->id;
                    r.state = msg(N_("Waiting to send"));
                    r.service_name = payload_field(fields, "x-service-name");
                    r.description = without_client_reference(payload_field(fields, "description"));
                    r.address = payload_field(fields, "address_string");
                    r.requested_utc = it->second->created_utc;
                    if (it->second->refused()) {
                        r.refused = true;
                        r.state = msg(N_("Refused by the city"));
                        r.waiting_reason = decode_refusal(*it->second->refused_reason);
                    } else if (it->second->attempts > 0) {
                        r.waiting_reason =
                            msg(N_("Not sent yet: the city's service could not be reached. "
                                   "It will try again."));
                    }
                } else {
                    r.state = msg(N_("Sent"));
                    r.service_name = e->category;
                    r.kept_photos = e->kept_photos;
                    if (!r.kept_photos.empty()) {
                        r.kept_photos_note =
                            msg(N_("These photos are kept on this computer, not sent to the city "
                                   "(it takes one photo per report):"));
                    }
                }
                local.reports.push_back(std::move(r));
            }
            return local;
        },
        lifetime_.guard([this](Result<Local> local) {
            reading_ = false;
            if (!local.ok()) {
                view_.show_busy(false);
                view_.show_note(local.error().user_message);
                return;
            }
            // Keep what the city said last time until it answers again.
            std::map<std::string, MyReport> previous;
            for (auto& r : reports_) {
                previous[r.reference] = std::move(r);
            }
            for (auto& r : local->reports) {
                if (auto it = previous.find(r.reference); it != previous.end() && !r.waiting) {
                    r = std::move(it->second);
                }
            }
            reports_ = std::move(local->reports);
            seen_ = std::move(local->seen);
            view_.show_note({}); // the vault is open: whatever was said while locked is past
            view_.show_reports(reports_);
            fetch_remote();
        }));
}

const MyReport* MyReportsPresenter::find(const std::string& reference) const {
    auto it = std::find_if(reports_.begin(), reports_.end(),
                           [&](const MyReport& r) { return r.reference == reference; });
    return it == reports_.end() ? nullptr : &*it;
}

void MyReportsPresenter::edit_and_send_again(const std::string& reference) {
    const MyReport* report = find(reference);
    if (report == nullptr || !report->refused) {
        return;
    }
    const std::int64_t id = report->outbox_id;
    context_.vault.run<std::optional<store::OutboxItem>>(
        [id](store::Vault& v) { return store::Outbox(v).find(id); },
        lifetime_.guard([this](Result<std::optional<store::OutboxItem>> item) {
            if (!item.ok()) {
                view_.show_note(item.error().user_message);
                return;
            }
            if (!*item) {
                poll(); // gone meanwhile
                return;
            }
            view_.edit_report(**item);
        }));
}

void MyReportsPresenter::discard(const std::string& reference) {
    const MyReport* report = find(reference);
    if (report == nullptr || !report->waiting) {
        return;
    }
    if (!view_.confirm_discard(msg(
            N_("Discard this report? It has not reached the city and will not be sent."), {}))) {
        return;
    }
    const std::int64_t id = report->outbox_id;
    context_.vault.run<Done>(
        [id, reference](store::Vault& v) -> Result<Done> {
            if (auto st = store::Outbox(v).discard(id); !st.ok()) {
                return st.error();
            }
            if (auto st = forget_my_report(v, reference); !st.ok()) {
                return st.error();
            }
            return Done{};
        },
        lifetime_.guard([this](Result<Done> done) {
            if (!done.ok()) {
                view_.show_note(done.error().user_message);
            }
            context_.outbox.refresh_refused_count();
            poll();
        }));
}

void MyReportsPresenter::fetch_remote() {
    api::open311::RequestFilter filter;
    for (const auto& r : reports_) {
        if (!r.waiting && r.reference.rfind("token:", 0) != 0) {
            filter.service_request_ids.push_back(r.reference);
        }
    }
    if (filter.service_request_ids.empty()) {
        pending_ = 1;
        finish_one();
        return;
    }
    pending_ = 1;
    fresh_.clear();
    const int generation = ++generation_;
    call_open311<api::open311::RequestList>(
        context_, [filter](api::open311::Open311Client& c, auto done) { c.requests(filter, done); },
        lifetime_.guard([this, generation](Result<api::open311::RequestList> list) {
            if (generation != generation_) {
                return;
            }
            if (!list.ok()) {
                view_.show_note(list.error().user_message);
                finish_one();
                return;
            }
            view_.show_note({});
            for (const auto& request : list->requests) {
                auto it = std::find_if(reports_.begin(), reports_.end(), [&](const MyReport& r) {
                    return r.reference == request.id;
                });
                if (it == reports_.end()) {
                    continue;
                }
                it->state = state_of(request.status);
                if (!request.service_name.empty()) {
                    it->service_name = request.service_name; // else the category chosen
                }
                it->description = without_client_reference(request.description);
                it->address = request.address;
                it->requested_utc = api::open311::normalized_utc(request.requested_datetime);
                ++pending_;
                const std::string id = request.id;
                const std::string since = request.requested_datetime;
                const auto fallback = status_timeline(request);
                call_open311<std::vector<api::open311::RequestUpdate>>(
                    context_,
                    [id, since](api::open311::Open311Client& c, auto done) {
                        c.updates(id, since, done);
                    },
                    lifetime_.guard([this, generation, id, fallback](
                                        Result<std::vector<api::open311::RequestUpdate>> updates) {
                        if (generation != generation_) {
                            return;
                        }
                        auto r = std::find_if(reports_.begin(), reports_.end(),
                                              [&](const MyReport& m) { return m.reference == id; });
                        if (r != reports_.end() && updates.ok()) {
                            r->timeline = updates_timeline(*updates);
                            for (const auto& u : *updates) {
                                if (!seen_.count(u.update_id)) {
                                    fresh_.insert(u.update_id);
                                }
                            }
                        } else if (r != reports_.end() && updates_unsupported(updates.error())) {
                            r->timeline = fallback; // the same as the public feed shows
                        }
                        finish_one();
                    }));
            }
            finish_one();
        }));
}

void MyReportsPresenter::finish_one() {
    if (--pending_ > 0) {
        return;
    }
    pending_ = 0;
    view_.show_busy(false);
    view_.show_reports(reports_);
    if (!fresh_.empty()) {
        const auto count = fresh_.size();
        seen_.insert(fresh_.begin(), fresh_.end());
        fresh_.clear();
        auto seen = seen_;
        context_.vault.run<Done>(
            [seen](store::Vault& v) -> Result<Done> {
                auto st = save_seen_updates(v, seen);
                if (!st.ok()) {
                    return st.error();
                }
                return Done{};
            },
            [](Result<Done>) {});
        context_.notifier.notify_about(NoticeKind::report,
                                       msg(N_("The city replied to your report")),
                                       count == 1 ? msg(N_("Open My Voice to read the reply."))
                                                  : msg(N_("{0} new replies: open My Voice to read "
                                                           "them."),
                                                        {std::to_string(count)}));
    }
    if (again_) {
        poll();
    }
}

} // namespace cd::app
