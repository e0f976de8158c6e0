// Home (首页), the first tab: "What needs attention now" (attention_list.h) gathered from what
// the other screens already fetch — due bills, the ledger's pending payments, applications,
// appointments, the outbox, holidays — and the suggestions computed on this computer
// (suggestions.h), with the life events the citizen chose. Refreshes when shown, when the
// citizen signs in or out, when the vault opens or locks, when the platform is back, when the
// ledger changes and after each outbox attempt. No request carries a suggestion input.
#pragma once

#include "app/app_context.h"
#include "app/attention_list.h"
#include "app/suggestions.h"

#include <map>
#include <string>
#include <vector>

namespace cd::app {

struct LifeEventChoice {
    std::string id;
    Message title;
    bool chosen = false;
};

struct HomeState {
    std::vector<AttentionItem> items; // most urgent first
    Message headline;                 // "Nothing needs your attention today." when no items
    std::vector<Message> fine;        // what is fine, when no items
    bool suggestions_on = true;
    std::vector<Suggestion> suggestions;
    Message suggestions_note; // why there are none (off, vault locked, nothing to go on)
    std::vector<LifeEventChoice> life_events;
};

class HomeView {
public:
    virtual ~HomeView() = default;
    virtual void show_home(const HomeState& state) = 0;
};

class HomePresenter {
public:
    HomePresenter(AppContext& context, HomeView& view);
    ~HomePresenter();
    HomePresenter(const HomePresenter&) = delete;
    HomePresenter& operator=(const HomePresenter&) = delete;

    void start() { refresh(); }
    void on_shown() { refresh(); }
    // Reads every source again (what is not available now stays unknown, not "fine").
    void refresh();

    // The settings switch (the Settings dialog may call it too); kept in the vault.
    void set_suggestions_enabled(bool on);
    // A life event chosen or unchosen on Home; kept in the vault.
    void choose_life_event(const std::string& id, bool chosen);
    // My Voice's reports with their replies (MyReportsPresenter::reports()), when it has them:
    // the replies from the last few days become items. TODO(home): the voice page may feed it.
    void set_my_reports(std::vector<MyReport> reports);

    const HomeState& state() const { return state_; }
    const AttentionSources& sources() const { return sources_; }
    // Sources still being read (tests wait for 0).
    int pending() const { return pending_; }

private:
    void read_vault();
    void read_platform();
    void read_appointment_details(std::vector<api::Appointment> appointments);
    void done_one();
    void show();

    AppContext& context_;
    HomeView& view_;
    AttentionSources sources_;
    HomeState state_;
    SuggestionInputs inputs_;
    std::vector<api::Hall> halls_;
    bool halls_loaded_ = false;
    std::map<std::string, std::vector<std::string>> bring_; // service id -> documents
    std::map<std::string, std::string> service_names_;      // service id -> name (guides)
    int pending_ = 0;
    int generation_ = 0;
    int outbox_listener_ = 0;
    Subscription events_;
    Lifetime lifetime_; // last: destroyed first, so late results are dropped
};

} // namespace cd::app
