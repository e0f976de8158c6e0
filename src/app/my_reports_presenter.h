// My reports, in My Voice: the citizen's own reports (remembered in the vault, see
// voice_reports.h), those still in the outbox shown as waiting to send or as refused by the city
// (with the city's reason, to be edited and sent again or discarded), the others with their
// status and the city's replies as a timeline (Open311 service request updates). poll() looks
// again; a reply not seen before raises one desktop notification (the update ids seen are kept
// in the vault, so a restart does not notify again).
#pragma once

#include "api/open311_types.h"
#include "app/app_context.h"
#include "store/outbox.h"

#include <cstdint>
#include <set>
#include <string>
#include <vector>

namespace cd::app {

struct TimelineEntry {
    std::string when_utc; // ISO 8601, UTC ("2026-10-02T01:12:00Z")
    std::string status;   // "open", "closed"
    std::string text;     // the official words, as the city wrote them
};

// Whether an updates answer means the city has no servicerequestupdates extension.
bool updates_unsupported(const Error& error);
// The exchange of a request at such a city: its own status and status_notes as one entry.
std::vector<TimelineEntry> status_timeline(const api::open311::ServiceRequest& request);
// The city's updates, times as UTC, oldest first.
std::vector<TimelineEntry> updates_timeline(const std::vector<api::open311::RequestUpdate>& u);

struct MyReport {
    std::string reference; // request id, or "outbox:N"
    bool waiting = false;  // still in the outbox (refused ones too)
    bool refused = false;  // the city said no for good: it waits for the citizen, not the city
    std::int64_t outbox_id = 0;
    Message state; // "Waiting to send", "Refused", "Open", "Closed"
    std::string service_name;
    std::string description;
    std::string address;
    std::string requested_utc;
    Message waiting_reason; // the last delivery error, for waiting ones; the city's reason
                            // for refused ones
    std::vector<TimelineEntry> timeline;
    std::vector<std::string> kept_photos; // attached, kept here: the city took one
    Message kept_photos_note;             // what the detail says above kept_photos; empty when none
};

class MyReportsView {
public:
    virtual ~MyReportsView() = default;
    virtual void show_reports(const std::vector<MyReport>& reports) = 0; // newest first
    virtual void show_busy(bool busy) = 0;
    virtual void show_note(const Message& note) = 0; // empty clears
    // Asks the citizen before anything is thrown away; true: go ahead.
    virtual bool confirm_discard(const Message& question) = 0;
    // Opens the report form filled in from the refused item; sending it replaces the item.
    virtual void edit_report(const store::OutboxItem& item) = 0;
};

class MyReportsPresenter {
public:
    MyReportsPresenter(AppContext& context, MyReportsView& view);
    ~MyReportsPresenter();
    MyReportsPresenter(const MyReportsPresenter&) = delete;
    MyReportsPresenter& operator=(const MyReportsPresenter&) = delete;

    void start();
    // Reloads the list from the vault and asks the city for statuses and replies.
    void poll();
    // For a refused report: open it in the form to correct it.
    void edit_and_send_again(const std::string& reference);
    // For a refused report: after the citizen agrees, it leaves the outbox and the list.
    void discard(const std::string& reference);

    const std::vector<MyReport>& reports() const { return reports_; }
    bool loading() const { return pending_ > 0 || reading_; }

private:
    void on_local(std::vector<MyReport> reports, std::set<std::string> seen);
    void fetch_remote();
    void finish_one();
    const MyReport* find(const std::string& reference) const;

    AppContext& context_;
    MyReportsView& view_;
    std::vector<MyReport> reports_;
    std::set<std::string> seen_;
    std::set<std::string> fresh_; // update ids first met in this poll
    int pending_ = 0;
    bool reading_ = false;
    bool again_ = false;
    int generation_ = 0;
    int listener_ = 0;
    Subscription subscription_;
    Lifetime lifetime_;
};

} // namespace cd::app
