// The main window's state: which tab is showing, the platform connection that the status bar
// reports and every tab follows, and which tabs show what was kept (TabFreshness). The frame in
// src/ui implements MainView and only renders.
#pragma once

#include "app/connection_state.h"
#include "app/tab_freshness.h"
#include "app/tab_presenter.h"
#include "app/tabs.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace cd::app {

class MainView {
public:
    virtual ~MainView() = default;
    virtual void show_connection_status(const Message& status) = 0;
    virtual void show_tab(Tab tab) = 0;
    // The line at the top of a tab saying that what it shows was kept (from before an outage,
    // or a refresh that failed); empty hides it.
    virtual void show_tab_notice(Tab /*tab*/, const Message& /*notice*/) {}
    // Whether My Voice's Open311 endpoint answers (a status-bar field); empty when it does.
    virtual void show_open311_status(const Message& /*status*/) {}
    // The outbox's summary ("2 reports refused", a status-bar field); empty when nothing to say.
    virtual void show_outbox_summary(const Message& /*summary*/) {}
};

class MainPresenter {
public:
    // platform_name: how the platform is named in the status bar (its host, or the city).
    MainPresenter(MainView& view, std::string platform_name);
    ~MainPresenter();
    MainPresenter(const MainPresenter&) = delete;
    MainPresenter& operator=(const MainPresenter&) = delete;

    // The tab presenters that follow the connection state; they outlive this presenter.
    void add_tab(TabPresenter& tab);

    // Shows the tab saved last time (or Home when nothing valid was saved) and the status.
    void start(std::optional<long> saved_tab_index);

    // The citizen picked a tab.
    void on_tab_selected(Tab tab) { current_ = tab; }
    Tab current_tab() const { return current_; }

    // The whole connection picture, from ConnectionMonitor (the one source of truth).
    void on_connection_report(const ConnectionReport& report);
    // Only the state changed (no times known).
    void on_connection_changed(ConnectionState state);
    // Also told of every connection state change (the app-wide PlatformData follows it this
    // way, and publishes AppEvent::online/offline from it).
    void set_connection_listener(std::function<void(ConnectionState)> listener) {
        listener_ = std::move(listener);
    }
    // The platform told us its name (its city); the status bar uses it from now on.
    void set_platform_name(std::string name) { report_.platform_name = std::move(name); }
    ConnectionState connection() const { return report_.state; }
    const ConnectionReport& connection_report() const { return report_; }

    // Shows each tab's notice from `freshness` now and whenever it changes; it outlives this
    // presenter.
    void follow(TabFreshness& freshness);
    void on_open311_changed(Open311State state);
    // For the outbox (fix-outbox): what it has to say in the status bar; empty clears.
    void set_outbox_summary(const Message& summary);
    // How many submissions the platform refused for good (they wait for the citizen to correct
    // or discard them); the status bar's outbox field keeps saying so until there are none.
    void set_refused_count(std::int64_t refused);

private:
    void render_connection();

    MainView& view_;
    std::vector<TabPresenter*> tabs_;
    Tab current_ = Tab::home;
    ConnectionReport report_;
    std::function<void(ConnectionState)> listener_;
    TabFreshness* freshness_ = nullptr;
};

} // namespace cd::app
