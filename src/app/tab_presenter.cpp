#include "app/tab_presenter.h"

namespace cd::app {

TabPresenter::TabPresenter(Tab tab, TabView& view) : tab_(tab), view_(view) {
    render();
}

void TabPresenter::on_connection_changed(ConnectionState state) {
    if (state == connection_) {
        return;
    }
    connection_ = state;
    render();
}

void TabPresenter::render() {
    Message headline;
    switch (connection_) {
    case ConnectionState::not_configured:
        headline = msg(N_("Not connected to a platform yet"));
        break;
    case ConnectionState::connecting:
        headline = msg(N_("Connecting to the city platform…"));
        break;
    case ConnectionState::online:
        headline = msg(N_("Nothing here yet"));
        break;
    case ConnectionState::offline:
        headline = msg(N_("The city platform cannot be reached right now"));
        break;
    case ConnectionState::degraded:
        headline = msg(N_("The city platform answers, but not as it should"));
        break;
    }
    view_.show_empty_state(headline, tab_purpose(tab_));
}

} // namespace cd::app
