#include "catch.hpp"

#include "app/connection_monitor.h"

#include <optional>

using namespace cd::app;

namespace {

struct StatusView : MainView {
    std::vector<cd::Message> statuses;
    void show_connection_status(const cd::Message& s) override { statuses.push_back(s); }
    void show_tab(Tab) override {}
};

// A probe the test answers by hand, like a network that has not replied yet.
struct ManualProbe {
    std::function<void(cd::Result<std::string>)> pending;
    int calls = 0;
    ConnectionMonitor::Probe probe() {
        return [this](std::function<void(cd::Result<std::string>)> done) {
            ++calls;
            pending = std::move(done);
        };
    }
};

} // namespace

TEST_CASE("connecting, then online with the platform's own name", "[ui-logic][connection]") {
    StatusView view;
    MainPresenter main(view, "127.0.0.1:8080");
    InlineDispatcher ui;
    ManualProbe net;
    ConnectionMonitor monitor(main, ui, net.probe());

    monitor.check();
    CHECK(main.connection() == ConnectionState::connecting);
    CHECK(view.statuses.back() == cd::msg("Connecting to {0}…", {"127.0.0.1:8080"}));
    REQUIRE(net.pending);
    net.pending(std::string("Fuzhou (demo)"));
    CHECK(main.connection() == ConnectionState::online);
    CHECK(view.statuses.back() == cd::msg("Connected to {0}", {"Fuzhou (demo)"}));
    CHECK(monitor.last_problem().empty());
}

TEST_CASE("a platform that does not answer is offline, and a later check recovers",
          "[ui-logic][connection]") {
    StatusView view;
    MainPresenter main(view, "platform.example");
    InlineDispatcher ui;
    ManualProbe net;
    ConnectionMonitor monitor(main, ui, net.probe());

    monitor.check();
    net.pending(cd::make_error(cd::ErrorKind::network, "connection refused"));
    CHECK(main.connection() == ConnectionState::offline);
    CHECK(view.statuses.back().id == "Offline since {0}: {1} cannot be reached.");
    CHECK(view.statuses.back().args.at(1) == "platform.example");
    CHECK(monitor.last_problem().find("connection refused") != std::string::npos);

    monitor.check(); // trying again is no news: the status keeps saying offline since when
    CHECK(main.connection() == ConnectionState::offline);
    net.pending(std::string("Demo City"));
    CHECK(main.connection() == ConnectionState::online);
}

TEST_CASE("a second check while one is under way does not probe twice", "[ui-logic][connection]") {
    StatusView view;
    MainPresenter main(view, "x");
    InlineDispatcher ui;
    ManualProbe net;
    ConnectionMonitor monitor(main, ui, net.probe());
    monitor.check();
    monitor.check();
    CHECK(net.calls == 1);
    CHECK(monitor.checking());
}
