// The system's "the network changed" makes the connection monitor try at once, once per burst,
// and only while the platform does not answer; and the Linux source really hears GIO.
#include "catch.hpp"

#include "app/connection_monitor.h"

#include <chrono>
#include <cstdio>
#include <string>

#ifdef CITIZENDESK_NETWORK_CHANGE_GIO
#include <gio/gio.h>
#include <sys/wait.h>
#endif

using namespace cd;
using namespace cd::app;
using namespace std::chrono;

namespace {

struct QuietView : MainView {
    void show_connection_status(const Message&) override {}
    void show_tab(Tab) override {}
};

// What the operating system would say, said by the test.
struct FakeNetworkChanges : NetworkChangeSource {
    Listener listener;
    void set_listener(Listener l) override { listener = std::move(l); }
    void say(bool available) {
        REQUIRE(listener);
        listener(available);
    }
};

// A probe the test answers by hand.
struct ManualProbe {
    std::function<void(Result<std::string>)> pending;
    int calls = 0;
    ConnectionMonitor::Probe probe() {
        return [this](std::function<void(Result<std::string>)> done) {
            ++calls;
            pending = std::move(done);
        };
    }
    void answer(Result<std::string> result) {
        auto done = std::move(pending);
        pending = nullptr;
        REQUIRE(done);
        done(std::move(result));
    }
};

struct ManualTimer : ReconnectTimer {
    std::function<void()> pending;
    void start(milliseconds, std::function<void()> fire) override { pending = std::move(fire); }
    void stop() override { pending = nullptr; }
};

Error unreachable() {
    Error e;
    e.kind = ErrorKind::network;
    e.retryable = true;
    e.detail = "connection refused";
    return e;
}

struct Bench {
    QuietView view;
    MainPresenter main{view, "127.0.0.1"};
    InlineDispatcher ui;
    ManualProbe probe;
    ManualTimer timer;
    FakeNetworkChanges network;
    system_clock::time_point clock = sys_days{year{2026} / December / 3} + hours(2);
    std::unique_ptr<ConnectionMonitor> monitor;

    Bench() {
        ConnectionMonitor::Options options;
        options.probe = probe.probe();
        options.timer = &timer;
        options.now = [this] {
            return clock;
        };
        options.jitter = [] {
            return 0.0;
        };
        monitor = std::make_unique<ConnectionMonitor>(main, ui, std::move(options));
        monitor->watch(network);
    }
    // The first probe finds nobody: offline, with the backoff's attempt scheduled.
    void go_offline() {
        monitor->check();
        probe.answer(unreachable());
        REQUIRE(monitor->state() == ConnectionState::offline);
        REQUIRE(timer.pending);
    }
};

} // namespace

TEST_CASE("offline, a network change tries the platform at once, not after the backoff",
          "[ui-logic][connection][network-change]") {
    Bench b;
    b.go_offline();
    REQUIRE(b.probe.calls == 1);

    b.network.say(true);
    CHECK(b.probe.calls == 2); // at once: no timer had to fire
    CHECK(b.monitor->checking());
    CHECK_FALSE(b.timer.pending); // the backoff's attempt is replaced, not added to
    CHECK(b.monitor->network_reconnects() == 1);

    b.probe.answer(Result<std::string>(std::string("Haichuan")));
    CHECK(b.monitor->state() == ConnectionState::online);
}

TEST_CASE("a burst of network changes makes one reconnection",
          "[ui-logic][connection][network-change]") {
    Bench b;
    b.go_offline();

    // A cable plugged in: link, address and route changes within a second.
    b.network.say(true);
    b.clock += milliseconds(300);
    b.network.say(true);
    b.probe.answer(unreachable()); // the route was not there yet: still offline
    b.clock += milliseconds(900);
    b.network.say(true);
    CHECK(b.probe.calls == 2);
    CHECK(b.monitor->network_reconnects() == 1);
    CHECK(b.timer.pending); // the failed attempt went back to the backoff

    // A later change is a new burst.
    b.clock += ConnectionMonitor::network_burst;
    b.network.say(true);
    CHECK(b.probe.calls == 3);
    CHECK(b.monitor->network_reconnects() == 2);
}

TEST_CASE("network changes do nothing while the platform answers, or when the network is gone",
          "[ui-logic][connection][network-change]") {
    Bench b;
    b.monitor->check();
    b.probe.answer(Result<std::string>(std::string("Haichuan")));
    REQUIRE(b.monitor->state() == ConnectionState::online);
    b.network.say(true);
    CHECK(b.probe.calls == 1);

    b.clock += minutes(1);
    b.monitor->on_outcome(Endpoint::platform, nullptr);
    Error lost = unreachable();
    b.monitor->on_outcome(Endpoint::platform, &lost);
    REQUIRE(b.monitor->state() == ConnectionState::offline);
    b.network.say(false); // "no network at all": trying now would only fail
    CHECK(b.probe.calls == 1);
    CHECK(b.timer.pending);
    CHECK(b.monitor->network_reconnects() == 0);
}

TEST_CASE("a monitor that is gone no longer listens to network changes",
          "[ui-logic][connection][network-change]") {
    Bench b;
    b.monitor.reset();
    CHECK_FALSE(b.network.listener);
}

#ifdef CITIZENDESK_NETWORK_CHANGE_GIO

TEST_CASE("the GIO source passes on GNetworkMonitor's network-changed signal",
          "[ui-logic][network-change][gio]") {
    InlineDispatcher ui;
    auto source = make_network_change_source(ui);
    std::vector<bool> heard;
    source->set_listener([&](bool available) { heard.push_back(available); });
    // The signal emitted on the very monitor object the source connected to.
    GNetworkMonitor* monitor = g_network_monitor_get_default();
    REQUIRE(monitor != nullptr);
    g_signal_emit_by_name(monitor, "network-changed", TRUE);
    g_signal_emit_by_name(monitor, "network-changed", FALSE);
    REQUIRE(heard.size() == 2);
    CHECK(heard[0]);
    CHECK_FALSE(heard[1]);

    source->set_listener({});
    g_signal_emit_by_name(monitor, "network-changed", TRUE);
    CHECK(heard.size() == 2);
    source.reset(); // disconnects: a signal now reaches nothing freed
    g_signal_emit_by_name(monitor, "network-changed", TRUE);
    CHECK(heard.size() == 2);
}

TEST_CASE("the GIO source hears a real route change (in a network namespace of its own)",
          "[ui-logic][network-change][gio]") {
    FILE* helper = popen(CITIZENDESK_NETWORK_CHANGE_NETNS " 2>&1", "r");
    REQUIRE(helper != nullptr);
    std::string said;
    char line[256];
    while (std::fgets(line, sizeof line, helper) != nullptr) {
        said += line;
    }
    const int status = pclose(helper);
    REQUIRE(WIFEXITED(status));
    INFO(said);
    if (WEXITSTATUS(status) == 77) {
        // Not a pass: say why it could not run, so a reader of the log sees it was not tested
        // here; the test above still proves the adapter with the signal emitted directly.
        WARN("SKIPPED: the real route change cannot be made here: " << said);
        return;
    }
    CHECK(WEXITSTATUS(status) == 0);
    CHECK(said.find("available 1") != std::string::npos);
}

#endif
