#include "app/applications_presenter.h"

#include "app/application_form_presenter.h"
#include "app/form_field_rules.h"
#include "app/local_time.h"
#include "core/reference_number.h"
#include "store/preferences.h"

#include <boost/json.hpp>

#include <algorithm>

namespace cd::app {
namespace {

Message changed_message(const std::string& status, const std::string& service) {
    if (status == "under_review") {
        return msg(N_("Your application for {0} is being reviewed."), {service});
    }
    if (status == "approved") {
        return msg(N_("Your application for {0} was approved."), {service});
    }
    if (status == "rejected") {
        return msg(N_("Your application for {0} was not approved. See its timeline for why."),
                   {service});
    }
    if (status == "ready_for_pickup") {
        return msg(N_("The result of your application for {0} is ready for pickup at the hall."),
                   {service});
    }
    return msg(N_("Your application for {0} has a new status."), {service});
}

} // namespace

Message application_status_words(const std::string& status) {
    if (status == "accepted") {
        return msg(N_("Accepted"));
    }
    if (status == "under_review") {
        return msg(N_("Under review"));
    }
    if (status == "approved") {
        return msg(N_("Approved"));
    }
    if (status == "rejected") {
        return msg(N_("Rejected"));
    }
    if (status == "ready_for_pickup") {
        return msg(N_("Ready for pickup"));
    }
    return msg(N_("Status: {0}"), {status});
}

ApplicationsPresenter::ApplicationsPresenter(AppContext& context, ApplicationsView& view)
    : context_(context), view_(view) {
    install_application_deliverer(context_);
    subscriptions_.emplace_back(context_.events, lifetime_.guard([this](AppEvent event) {
        if (event == AppEvent::signed_in || event == AppEvent::online ||
            event == AppEvent::vault_unlocked) {
            start();
        } else if (event == AppEvent::signed_out) {
            applications_.clear();
            selected_.clear();
            view_.show_applications({});
            view_.show_timeline({}, {}, {});
        }
    }));
    outbox_listener_ = context_.outbox.add_listener(
        lifetime_.guard([this](const store::OutboxItem& item, const Result<std::string>& outcome) {
            if (item.kind != application_outbox_kind) {
                return;
            }
            if (outcome.ok()) {
                view_.show_note(msg(N_("An application saved while offline was sent: {0}."),
                                    {outcome.value()}));
                refresh();
                load_queued();
            } else if (OutboxSender::refused_for_good(outcome.error())) {
                view_.show_note(msg(N_("An application saved while offline was refused by the "
                                       "platform. Correct it and send it again, or discard it.")));
                load_queued();
            }
        }));
}

ApplicationsPresenter::~ApplicationsPresenter() {
    context_.outbox.remove_listener(outbox_listener_);
}

void ApplicationsPresenter::start() {
    load_queued();
    if (!context_.data.signed_in()) {
        view_.show_note(msg(N_("Sign in to see your applications.")));
        return;
    }
    if (statuses_loaded_ || !context_.vault.unlocked()) {
        refresh();
        return;
    }
    context_.vault.run<std::optional<std::string>>(
        [](store::Vault& v) { return store::Preferences(v).get(last_status_preference); },
        lifetime_.guard([this](Result<std::optional<std::string>> r) {
            if (r.ok() && *r) {
                for (auto& [id, status] : form_values_from_json(**r)) { // id -> status
                    last_status_.emplace(id, status);
                }
            }
            statuses_loaded_ = r.ok();
            refresh();
        }));
}

void ApplicationsPresenter::refresh() {
    if (fetching_ || !context_.data.signed_in()) {
        if (!context_.data.signed_in()) {
            view_.show_note(msg(N_("Sign in to see your applications.")));
        }
        return;
    }
    fetching_ = true;
    ++fetches_;
    fetched_at_ = context_.now();
    view_.show_busy(true);
    call_platform<std::vector<api::Application>>(
        context_.platform, context_.ui,
        [](api::PlatformClient& c, auto done) { c.applications(done); },
        lifetime_.guard(
            [this](Result<std::vector<api::Application>> r) { on_list(std::move(r)); }));
}

void ApplicationsPresenter::on_focus() {
    if (context_.now() - fetched_at_ >= focus_gap) {
        refresh();
    }
}

void ApplicationsPresenter::on_list(Result<std::vector<api::Application>> result) {
    fetching_ = false;
    view_.show_busy(false);
    if (!result.ok()) {
        const Error& e = result.error();
        view_.show_note(e.kind == ErrorKind::network || e.kind == ErrorKind::timeout
                            ? msg(N_("The platform cannot be reached. The list shows what was "
                                     "known last."))
                            : e.message_for_user());
        return;
    }
    applications_ = std::move(*result);
    view_.show_note({});
    notify_changes();
    show_rows();
    for (const auto& a : applications_) {
        if (a.id == selected_) {
            show_timeline(a);
        }
    }
}

void ApplicationsPresenter::show_rows() {
    std::vector<ApplicationRow> rows = queued_rows_;
    const int offset = local_utc_offset_minutes(context_.now());
    for (const auto& a : applications_) {
        ApplicationRow row;
        row.id = a.id;
        row.number = readable_reference(a.id);
        row.service = localized(a.service_name, context_.chinese);
        row.status = a.status;
        row.status_words = application_status_words(a.status);
        row.submitted_at = local_time_text(a.submitted_at, offset);
        row.updated_at = local_time_text(a.updated_at, offset);
        rows.push_back(std::move(row));
    }
    view_.show_applications(rows);
}

void ApplicationsPresenter::load_queued() {
    if (!context_.vault.unlocked()) {
        return;
    }
    context_.vault.run<std::vector<store::OutboxItem>>(
        [](store::Vault& v) { return store::Outbox(v).all(); },
        lifetime_.guard([this](Result<std::vector<store::OutboxItem>> items) {
            if (!items.ok()) {
                return;
            }
            const bool had = !queued_rows_.empty();
            queued_.clear();
            queued_rows_.clear();
            const int offset = local_utc_offset_minutes(context_.now());
            for (auto& item : *items) {
                if (item.kind != application_outbox_kind) {
                    continue;
                }
                boost::json::error_code ec;
                auto v = boost::json::parse(item.payload, ec);
                const auto* o = ec ? nullptr : v.if_object();
                auto text = [o](const char* key) {
                    const auto* f = o ? o->if_contains(key) : nullptr;
                    return f && f->is_string() ? std::string(f->as_string()) : std::string();
                };
                ApplicationRow row;
                row.id = "outbox:" + std::to_string(item.id);
                row.service =
                    text("service_name").empty() ? text("service_id") : text("service_name");
                row.outbox_id = item.id;
                row.refused = item.refused();
                row.status = row.refused ? "refused" : "waiting";
                row.status_words =
                    row.refused ? msg(N_("Refused by the platform")) : msg(N_("Waiting to send"));
                if (row.refused) {
                    row.reason = decode_refusal(*item.refused_reason);
                }
                row.submitted_at = local_time_text(item.created_utc, offset);
                queued_rows_.push_back(std::move(row));
                queued_.push_back(std::move(item));
            }
            if (had || !queued_rows_.empty()) {
                show_rows();
            }
        }));
}

void ApplicationsPresenter::edit_and_send_again(std::int64_t outbox_id) {
    auto it = std::find_if(queued_.begin(), queued_.end(),
                           [&](const auto& item) { return item.id == outbox_id; });
    if (it != queued_.end() && it->refused()) {
        view_.edit_application(*it);
    }
}

void ApplicationsPresenter::discard(std::int64_t outbox_id) {
    auto it = std::find_if(queued_.begin(), queued_.end(),
                           [&](const auto& item) { return item.id == outbox_id; });
    if (it == queued_.end() ||
        !view_.confirm_discard(msg(N_("Discard this application? It has not reached the "
                                      "platform and will not be sent.")))) {
        return;
    }
    context_.vault.run<Done>(
        [outbox_id](store::Vault& v) { return store::Outbox(v).discard(outbox_id); },
        lifetime_.guard([this](Status done) {
            if (!done.ok()) {
                view_.show_note(done.error().user_message);
            }
            context_.outbox.refresh_refused_count();
            load_queued();
        }));
}

void ApplicationsPresenter::notify_changes() {
    bool changed = false;
    for (const auto& a : applications_) {
        auto it = last_status_.find(a.id);
        if (it == last_status_.end()) {
            last_status_.emplace(a.id, a.status); // new to us: nothing to tell
            changed = true;
            continue;
        }
        if (it->second != a.status) {
            it->second = a.status;
            changed = true;
            context_.notifier.notify_about(
                NoticeKind::application, msg(N_("Application status changed")),
                changed_message(a.status, localized(a.service_name, context_.chinese)));
        }
    }
    if (changed && context_.vault.unlocked()) {
        const std::string value = form_values_to_json(last_status_);
        context_.vault.run<Done>(
            [value](store::Vault& v) {
                return store::Preferences(v).set(last_status_preference, value);
            },
            [](Status) {});
    }
}

void ApplicationsPresenter::select(std::size_t index) {
    if (index < queued_rows_.size()) {
        const auto& row = queued_rows_[index];
        selected_ = row.id;
        std::vector<TimelineRow> rows{{row.status_words, row.submitted_at, {}}};
        view_.show_timeline(row.id, rows, row.reason);
        return;
    }
    index -= queued_rows_.size();
    if (index < applications_.size()) {
        selected_ = applications_[index].id;
        show_timeline(applications_[index]);
    }
}

void ApplicationsPresenter::show_timeline(const api::Application& a) {
    std::vector<TimelineRow> rows;
    const int offset = local_utc_offset_minutes(context_.now());
    for (const auto& t : a.timeline) {
        rows.push_back({application_status_words(t.status), local_time_text(t.at, offset),
                        localized(t.note, context_.chinese)});
    }
    view_.show_timeline(
        a.id, rows,
        a.next_expected_at.empty()
            ? Message{}
            : msg(N_("Next step expected by {0}"), {local_time_text(a.next_expected_at, offset)}));
}

} // namespace cd::app
