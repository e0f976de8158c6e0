// Finds out whether the platform answers and keeps the main window told: connecting, then
// online (with the platform's own name) or offline. The probe is injected: the app asks the
// platform for its city profile; tests answer by hand. Offline, check() is called again by a
// timer, and by the citizen's "try again".
#pragma once

#include "app/dispatcher.h"
#include "app/main_presenter.h"
#include "core/error.h"

#include <functional>
#include <string>

namespace cd::app {

class ConnectionMonitor {
public:
    // Calls back (on any thread) with the platform's display name, or why it did not answer.
    using Probe = std::function<void(std::function<void(Result<std::string>)> done)>;

    ConnectionMonitor(MainPresenter& main, Dispatcher& ui, Probe probe);

    // Starts a check unless one is under way.
    void check();
    bool checking() const { return checking_; }

    // The last failure, for the log and the status bar's tooltip; empty when online.
    const std::string& last_problem() const { return last_problem_; }

private:
    MainPresenter& main_;
    Dispatcher& ui_;
    Probe probe_;
    bool checking_ = false;
    std::string last_problem_;
    Lifetime lifetime_;
};

} // namespace cd::app
