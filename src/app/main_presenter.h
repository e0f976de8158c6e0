// The main window's state: which tab is showing, and the platform connection that the status
// bar reports and every tab follows. The frame in src/ui implements MainView and only renders.
#pragma once

#include "app/connection_state.h"
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
    // What waits for the citizen in the outbox (refused submissions); empty clears it.
    virtual void show_outbox_status(const Message& status) { (void)status; }
};

class MainPresenter {
public:
    // platform_name: how the platform is named in the status bar (its host, or the city).
    MainPresenter(MainView& view, std::string platform_name);

    // The tab presenters that follow the connection state; they outlive this presenter.
    void add_tab(TabPresenter& tab);

    // Shows the tab saved last time (or My Life when nothing valid was saved) and the status.
    void start(std::optional<long> saved_tab_index);

    // The citizen picked a tab.
    void on_tab_selected(Tab tab) { current_ = tab; }
    Tab current_tab() const { return current_; }

    void on_connection_changed(ConnectionState state);
    // Also told of every connection change (the app-wide PlatformData follows it this way).
    void set_connection_listener(std::function<void(ConnectionState)> listener) {
        listener_ = std::move(listener);
    }
    // The platform told us its name (its city); the status bar uses it from now on.
    void set_platform_name(std::string name) { platform_name_ = std::move(name); }
    ConnectionState connection() const { return connection_; }
    // How many submissions the platform refused for good (they wait for the citizen to correct
    // or discard them); the status bar keeps saying so until there are none.
    void set_refused_count(std::int64_t refused);

private:
    MainView& view_;
    std::string platform_name_;
    std::vector<TabPresenter*> tabs_;
    Tab current_ = Tab::life;
    ConnectionState connection_ = ConnectionState::not_configured;
    std::function<void(ConnectionState)> listener_;
};

} // namespace cd::app
