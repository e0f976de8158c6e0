#include "app/connection_monitor.h"

#include "diag/log.h"

namespace cd::app {

ConnectionMonitor::ConnectionMonitor(MainPresenter& main, Dispatcher& ui, Probe probe)
    : main_(main), ui_(ui), probe_(std::move(probe)) {}

void ConnectionMonitor::check() {
    if (checking_) {
        return;
    }
    checking_ = true;
    if (main_.connection() != ConnectionState::online) {
        main_.on_connection_changed(ConnectionState::connecting);
    }
    auto deliver = lifetime_.guard([this](Result<std::string> answer) {
        checking_ = false;
        if (answer.ok()) {
            last_problem_.clear();
            diag::info(diag::Category::app, "platform online: ", *answer);
            main_.set_platform_name(*answer);
            main_.on_connection_changed(ConnectionState::online);
        } else {
            last_problem_ = answer.error().log_line();
            diag::warn(diag::Category::app, "platform offline: ", last_problem_);
            main_.on_connection_changed(ConnectionState::offline);
        }
    });
    probe_([deliver, &ui = ui_](Result<std::string> answer) mutable {
        ui.post([deliver, answer = std::move(answer)]() mutable { deliver(std::move(answer)); });
    });
}

} // namespace cd::app
