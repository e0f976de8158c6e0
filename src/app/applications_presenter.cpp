#include "app/applications_presenter.h"

#include "app/application_form_presenter.h"
#include "app/form_field_rules.h"
#include "app/local_time.h"
#include "store/preferences.h"

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
            } else if (!outcome.error().retryable) {
                view_.show_note(msg(N_("An application saved while offline was refused by the "
                                       "platform: {0}"),
                                    {outcome.error().detail}));
            }
        }));
}

ApplicationsPresenter::~ApplicationsPresenter() {
    context_.outbox.remove_listener(outbox_listener_);
}

void ApplicationsPresenter::start() {
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
    std::vector<ApplicationRow> rows;
    const int offset = local_utc_offset_minutes(context_.now());
    for (const auto& a : applications_) {
        rows.push_back({a.id, localized(a.service_name, context_.chinese), a.status,
                        application_status_words(a.status), local_time_text(a.submitted_at, offset),
                        local_time_text(a.updated_at, offset)});
    }
    view_.show_applications(rows);
    for (const auto& a : applications_) {
        if (a.id == selected_) {
            show_timeline(a);
        }
    }
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
            context_.notifier.notify(
                msg(N_("Application status changed")),
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
