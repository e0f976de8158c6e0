#include "app/main_presenter.h"

namespace cd::app {

MainPresenter::MainPresenter(MainView& view, std::string platform_name) : view_(view) {
    report_.platform_name = std::move(platform_name);
}

MainPresenter::~MainPresenter() {
    if (freshness_ != nullptr) {
        freshness_->set_listener({}); // the app's services outlive the window
    }
}

void MainPresenter::add_tab(TabPresenter& tab) {
    tabs_.push_back(&tab);
    tab.on_connection_changed(report_.state);
}

void MainPresenter::start(std::optional<long> saved_tab_index) {
    current_ = saved_tab_index ? tab_from_index(*saved_tab_index).value_or(Tab::home) : Tab::home;
    view_.show_tab(current_);
    render_connection();
}

void MainPresenter::on_connection_report(const ConnectionReport& report) {
    const bool changed = report.state != report_.state;
    report_ = report;
    render_connection();
    if (!changed) {
        return;
    }
    for (TabPresenter* tab : tabs_) {
        tab->on_connection_changed(report_.state);
    }
    if (listener_) {
        listener_(report_.state);
    }
}

void MainPresenter::set_refused_count(std::int64_t refused) {
    if (refused <= 0) {
        set_outbox_summary({});
    } else if (refused == 1) {
        set_outbox_summary(msg(N_("1 submission was refused: see My reports or My "
                                  "applications")));
    } else {
        set_outbox_summary(msg(N_("{0} submissions were refused: see My reports or My "
                                  "applications"),
                               {std::to_string(refused)}));
    }
}

void MainPresenter::on_connection_changed(ConnectionState state) {
    ConnectionReport report = report_;
    report.state = state;
    on_connection_report(report);
}

void MainPresenter::follow(TabFreshness& freshness) {
    freshness_ = &freshness;
    freshness.set_listener(
        [this](Tab tab) { view_.show_tab_notice(tab, freshness_->notice(tab)); });
    for (Tab tab : all_tabs) {
        view_.show_tab_notice(tab, freshness.notice(tab));
    }
}

void MainPresenter::on_open311_changed(Open311State state) {
    view_.show_open311_status(open311_status(state));
}

void MainPresenter::set_outbox_summary(const Message& summary) {
    view_.show_outbox_summary(summary);
}

void MainPresenter::render_connection() {
    view_.show_connection_status(connection_status(report_));
}

} // namespace cd::app
