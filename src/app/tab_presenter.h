// The state of one tab of the main window until its feature screens arrive: what the tab is
// for, and an honest empty state that follows the platform connection. The feature issues
// give each tab its own presenter (life_presenter, payments_presenter, ...) behind this view.
#pragma once

#include "app/connection_state.h"
#include "app/tabs.h"
#include "core/message.h"

namespace cd::app {

// Implemented by the tab's panel in src/ui.
class TabView {
public:
    virtual ~TabView() = default;
    // A headline and a line of explanation, shown where the tab's content will be.
    virtual void show_empty_state(const Message& headline, const Message& explanation) = 0;
};

class TabPresenter {
public:
    TabPresenter(Tab tab, TabView& view);

    Tab tab() const { return tab_; }
    Message title() const { return tab_title(tab_); }

    void on_connection_changed(ConnectionState state);
    ConnectionState connection() const { return connection_; }

private:
    void render();

    Tab tab_;
    TabView& view_;
    ConnectionState connection_ = ConnectionState::not_configured;
};

} // namespace cd::app
