#include "app/main_presenter.h"

namespace cd::app {

MainPresenter::MainPresenter(MainView& view, std::string platform_name)
    : view_(view), platform_name_(std::move(platform_name)) {}

void MainPresenter::add_tab(TabPresenter& tab) {
    tabs_.push_back(&tab);
    tab.on_connection_changed(connection_);
}

void MainPresenter::start(std::optional<long> saved_tab_index) {
    current_ = saved_tab_index ? tab_from_index(*saved_tab_index).value_or(Tab::life) : Tab::life;
    view_.show_tab(current_);
    view_.show_connection_status(connection_status(connection_, platform_name_));
}

void MainPresenter::set_refused_count(std::int64_t refused) {
    if (refused <= 0) {
        view_.show_outbox_status({});
    } else if (refused == 1) {
        view_.show_outbox_status(msg(N_("1 submission was refused: see My reports or My "
                                        "applications")));
    } else {
        view_.show_outbox_status(msg(N_("{0} submissions were refused: see My reports or My "
                                        "applications"),
                                     {std::to_string(refused)}));
    }
}

void MainPresenter::on_connection_changed(ConnectionState state) {
    connection_ = state;
    view_.show_connection_status(connection_status(connection_, platform_name_));
    for (TabPresenter* tab : tabs_) {
        tab->on_connection_changed(state);
    }
    if (listener_) {
        listener_(state);
    }
}

} // namespace cd::app
