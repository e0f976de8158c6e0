// My applications: the citizen's applications with their status, and the timeline of the one
// selected. The list is fetched when the page is shown, on the view's poll timer (every
// poll_interval) and after a queued application was delivered, never two fetches at once. A
// status that changed since the last look is told by a desktop notification; the statuses seen
// are kept in the vault (`applications.last_status`) so a restart does not tell them again.
// Also registers the outbox deliverer for applications queued while offline, and lists those
// still in the outbox first: waiting to be sent, or refused by the platform for good (with its
// reason, to be corrected and sent again or discarded).
#pragma once

#include "app/app_context.h"
#include "store/outbox.h"

#include <chrono>
#include <map>
#include <string>
#include <vector>

namespace cd::app {

struct ApplicationRow {
    std::string id;
    std::string number; // the id as the citizen reads it ("A 3F9C 01B2 D4E6"); empty when queued
    std::string service;
    std::string status; // the platform's code: accepted under_review approved ...
    Message status_words;
    std::string submitted_at; // local time, "2026-11-29 13:39"
    std::string updated_at;
    std::int64_t outbox_id = 0; // still in the outbox: not at the platform yet
    bool refused = false;       // the platform said no for good
    Message reason;             // why it was refused, for refused ones
};

struct TimelineRow {
    Message status_words;
    std::string at; // local time
    std::string note;
};

class ApplicationsView {
public:
    virtual ~ApplicationsView() = default;
    virtual void show_busy(bool busy) = 0;
    virtual void show_applications(const std::vector<ApplicationRow>& rows) = 0;
    // `next`: when the next step is expected, or empty when the application is finished.
    virtual void show_timeline(const std::string& application_id,
                               const std::vector<TimelineRow>& rows, const Message& next) = 0;
    virtual void show_note(const Message& note) = 0; // empty clears it
    // Asks the citizen before anything is thrown away; true: go ahead.
    virtual bool confirm_discard(const Message& question) = 0;
    // Opens the application form filled in from the refused item; submitting replaces it.
    virtual void edit_application(const store::OutboxItem& item) = 0;
};

inline constexpr const char* last_status_preference = "applications.last_status";

// The words for a status code.
Message application_status_words(const std::string& status);

class ApplicationsPresenter {
public:
    static constexpr std::chrono::seconds poll_interval{60};

    ApplicationsPresenter(AppContext& context, ApplicationsView& view);
    ~ApplicationsPresenter();
    ApplicationsPresenter(const ApplicationsPresenter&) = delete;
    ApplicationsPresenter& operator=(const ApplicationsPresenter&) = delete;

    // Loads the statuses seen before, then the list.
    void start();
    void on_shown() { refresh(); }
    void on_poll_timer() { refresh(); }
    // The window came back to the front: fetch unless the last fetch is under focus_gap old.
    void on_focus();
    static constexpr std::chrono::seconds focus_gap{15};
    // Fetches the list unless a fetch is under way.
    void refresh();
    void select(std::size_t index);
    // Reads the applications still in the outbox again (shown before the platform's list).
    void load_queued();
    void edit_and_send_again(std::int64_t outbox_id);
    void discard(std::int64_t outbox_id);
    const std::vector<ApplicationRow>& queued() const { return queued_rows_; }

    bool fetching() const { return fetching_; }
    int fetches() const { return fetches_; }
    const std::vector<api::Application>& applications() const { return applications_; }

private:
    void on_list(Result<std::vector<api::Application>> result);
    void notify_changes();
    void show_timeline(const api::Application& a);
    void show_rows();

    AppContext& context_;
    ApplicationsView& view_;
    std::vector<api::Application> applications_;
    std::vector<store::OutboxItem> queued_;
    std::vector<ApplicationRow> queued_rows_;
    std::map<std::string, std::string> last_status_;
    bool statuses_loaded_ = false;
    bool fetching_ = false;
    int fetches_ = 0;
    std::chrono::system_clock::time_point fetched_at_{};
    std::string selected_;
    std::vector<Subscription> subscriptions_;
    int outbox_listener_ = 0;
    Lifetime lifetime_; // last: destroyed first, so late results are dropped
};

} // namespace cd::app
