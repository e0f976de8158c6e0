// The connection state follows every request, not only the probe at start: the reference
// platform on loopback is stopped and started again during the test, the timer and the clock
// are the test's, and every wait is on the UI queue for a named condition.
#include "catch.hpp"

#include "app/connection_monitor.h"
#include "app/holidays_presenter.h"
#include "app_test_context.h"

#include <boost/json.hpp>
#include <httplib.h>

using namespace cd;
using namespace cd::app;
using namespace std::chrono;

namespace {

struct StatusView : MainView {
    Message status;
    Message open311;
    Message outbox;
    void show_connection_status(const Message& s) override { status = s; }
    void show_tab(Tab) override {}
    void show_open311_status(const Message& s) override { open311 = s; }
    void show_outbox_summary(const Message& s) override { outbox = s; }
};

struct QuietHolidays : HolidaysView {
    int answers = 0;
    void show_busy(bool busy) override { answers += busy ? 0 : 1; }
    void show_year(const HolidayYear&) override {}
    void show_note(const Message&) override {}
};

// Fires only when the test says so; remembers the delay it was started with.
struct ManualTimer : ReconnectTimer {
    std::function<void()> pending;
    milliseconds delay{0};
    void start(milliseconds d, std::function<void()> fire) override {
        delay = d;
        pending = std::move(fire);
    }
    void stop() override { pending = nullptr; }
    void fire() {
        auto f = std::move(pending);
        pending = nullptr;
        REQUIRE(f);
        f();
    }
};

test::AppTestContext::Options with_faults() {
    test::AppTestContext::Options o;
    o.server.faults = true;
    return o;
}

// 2026-12-03 at hh:mm in the city (UTC+8).
system_clock::time_point city_time(int hour, int minute) {
    return sys_days{year{2026} / December / 3} + hours(hour - 8) + minutes(minute);
}

struct Bench {
    test::AppTestContext t{with_faults()};
    StatusView view;
    MainPresenter main{view, "127.0.0.1"};
    ManualTimer timer;
    system_clock::time_point clock = city_time(10, 41);
    std::unique_ptr<ConnectionMonitor> monitor;
    int online_events = 0;
    int offline_events = 0;
    Subscription events;
    std::unique_ptr<server::PlatformServer> restarted;

    Bench() {
        main.set_connection_listener([this](ConnectionState s) { t.data.set_connection(s); });
        events = Subscription(t.events, [this](AppEvent e) {
            online_events += e == AppEvent::online ? 1 : 0;
            offline_events += e == AppEvent::offline ? 1 : 0;
        });
        ConnectionMonitor::Options options;
        options.probe = [client = t.client](std::function<void(Result<std::string>)> done) {
            client->city([done](Result<api::City> city) {
                done(city.ok() ? Result<std::string>(city->name.en) : city.error());
            });
        };
        options.timer = &timer;
        options.now = [this] {
            return clock;
        };
        options.jitter = [] {
            return 0.0;
        };
        options.utc_offset_minutes = [](system_clock::time_point) {
            return 480;
        };
        monitor = std::make_unique<ConnectionMonitor>(main, t.ui, std::move(options));
        monitor->follow(*t.platform);
        main.start(std::nullopt);
    }
    ~Bench() {
        t.ui.drain();
        t.http->cancel_all();
        monitor.reset();
        if (restarted) {
            restarted->stop();
        }
    }

    bool wait_for(ConnectionState state) {
        return t.ui.run_until([&] { return monitor->state() == state && !monitor->checking(); });
    }
    // The same platform back on the same port (the stopped one cannot be started again there).
    void restart_platform() {
        server::PlatformServerOptions o;
        o.port = t.server.port();
        o.faults = true;
        restarted = std::make_unique<server::PlatformServer>(o);
        auto port = restarted->start();
        REQUIRE(port.ok());
    }
    void faults(boost::json::array rules) {
        httplib::Client c("127.0.0.1", t.server.port());
        auto res = c.Post(
            "/_faults", boost::json::serialize(boost::json::object{{"seed", 1}, {"rules", rules}}),
            "application/json");
        REQUIRE(res);
        REQUIRE(res->status == 200);
    }
};

} // namespace

TEST_CASE("a failing request from any screen takes the connection offline, and the backoff "
          "brings it back",
          "[ui-logic][connection]") {
    Bench b;
    b.monitor->check();
    REQUIRE(b.wait_for(ConnectionState::online));
    const std::string city = b.main.connection_report().platform_name;
    CHECK(b.view.status == msg("Connected to {0}", {city}));
    CHECK(b.online_events == 1);

    b.t.server.stop();
    b.clock = city_time(10, 42);
    QuietHolidays holidays_view;
    HolidaysPresenter holidays(*b.t.context, holidays_view);
    holidays.refresh();
    REQUIRE(b.wait_for(ConnectionState::offline));
    CHECK(b.view.status == msg("Offline since {0}: {1} cannot be reached. Last contact {2}.",
                               {"10:42", city, "10:41"}));
    CHECK(b.offline_events == 1);
    CHECK_FALSE(b.t.data.online());
    CHECK(b.timer.delay == 5s);

    // Still down: the next wait doubles, and the status keeps saying since when.
    b.clock = city_time(10, 43);
    b.timer.fire();
    REQUIRE(b.t.ui.run_until([&] { return !b.monitor->checking(); }));
    CHECK(b.monitor->state() == ConnectionState::offline);
    CHECK(b.timer.delay == 10s);
    CHECK(b.view.status.args.front() == "10:42");

    b.restart_platform();
    b.clock = city_time(10, 44);
    b.timer.fire();
    REQUIRE(b.wait_for(ConnectionState::online));
    CHECK(b.view.status == msg("Connected to {0}", {city}));
    CHECK(b.online_events == 2); // outbox and payments hear of the reconnection once
    CHECK_FALSE(b.timer.pending);

    // The backoff starts over for the next outage.
    b.restarted->stop();
    holidays.refresh();
    REQUIRE(b.wait_for(ConnectionState::offline));
    CHECK(b.timer.delay == 5s);
}

TEST_CASE("an answer that cannot be read is degraded, not offline, and says so",
          "[ui-logic][connection]") {
    Bench b;
    SECTION("at the first probe") {
        b.faults({boost::json::object{{"path_prefix", "/v1/city"}, {"fault", "malformed"}}});
        b.monitor->check();
        REQUIRE(b.wait_for(ConnectionState::degraded));
        CHECK(b.view.status ==
              msg("Since {0} the platform's answer could not be read.", {"10:41"}));
        CHECK(b.t.data.online()); // it answers: no reconnection pending for the outbox
        CHECK(b.offline_events == 0);
        CHECK(b.timer.delay == 5s);
    }
    SECTION("from a screen's request, and a good answer clears it") {
        b.monitor->check();
        REQUIRE(b.wait_for(ConnectionState::online));
        b.faults(
            {boost::json::object{{"path_prefix", "/v1/life/holidays"}, {"fault", "malformed"}}});
        b.clock = city_time(10, 45);
        QuietHolidays holidays_view;
        HolidaysPresenter holidays(*b.t.context, holidays_view);
        holidays.refresh();
        REQUIRE(b.wait_for(ConnectionState::degraded));
        CHECK(b.view.status == msg("Since {0} the platform's answer could not be read. Last good "
                                   "answer {1}.",
                                   {"10:45", "10:41"}));
        CHECK(b.offline_events == 0);

        b.timer.fire(); // the probe reads the city profile fine
        REQUIRE(b.wait_for(ConnectionState::online));
        CHECK(b.online_events == 1); // degraded and back is no reconnection
    }
}

TEST_CASE("a server error status is degraded with its own words", "[ui-logic][connection]") {
    Bench b;
    b.faults(
        {boost::json::object{{"path_prefix", "/v1/city"}, {"fault", "error"}, {"status", 503}}});
    b.monitor->check();
    REQUIRE(b.wait_for(ConnectionState::degraded));
    CHECK(b.view.status.id == "Since {0} {1} answers with errors.");
}

TEST_CASE("Reconnect (F5) does not wait for the backoff", "[ui-logic][connection]") {
    Bench b;
    b.t.server.stop();
    b.monitor->check();
    REQUIRE(b.wait_for(ConnectionState::offline));
    CHECK(b.view.status ==
          msg("Offline since {0}: {1} cannot be reached.", {"10:41", "127.0.0.1"}));
    CHECK(b.timer.pending);
    CHECK(b.online_events == 0);

    b.restart_platform();
    b.monitor->reconnect_now();
    REQUIRE(b.wait_for(ConnectionState::online));
    CHECK_FALSE(b.timer.pending); // the scheduled attempt was cancelled, not merely outrun
    CHECK(b.online_events == 1);
}

TEST_CASE("the Open311 endpoint is reported apart from the platform", "[ui-logic][connection]") {
    StatusView view;
    MainPresenter main(view, "platform.example");
    InlineDispatcher ui;
    ConnectionMonitor monitor(main, ui, ConnectionMonitor::Probe{});
    main.on_connection_changed(ConnectionState::online);
    const Error refused = make_error(ErrorKind::network, "connection refused");
    monitor.on_outcome(Endpoint::open311, &refused);
    CHECK(monitor.open311() == Open311State::unreachable);
    CHECK(view.open311.id == "The reports service (Open311) cannot be reached");
    CHECK(monitor.state() == ConnectionState::online);
    monitor.on_outcome(Endpoint::open311, nullptr);
    CHECK(view.open311.empty());
}

TEST_CASE("the outbox has a place in the status bar", "[ui-logic][connection]") {
    StatusView view;
    MainPresenter main(view, "platform.example");
    main.set_outbox_summary(msg("{0} refused", {"2"}));
    CHECK(view.outbox == msg("{0} refused", {"2"}));
}

TEST_CASE("the reconnection backoff doubles from 5 s to 5 minutes, shortened by the jitter",
          "[ui-logic][connection]") {
    double jitter = 0.0;
    ReconnectBackoff backoff([&] { return jitter; });
    std::vector<long long> seconds;
    for (int i = 0; i < 9; ++i) {
        seconds.push_back(duration_cast<std::chrono::seconds>(backoff.next()).count());
    }
    CHECK(seconds == std::vector<long long>{5, 10, 20, 40, 80, 160, 300, 300, 300});
    backoff.reset();
    jitter = 0.5;
    CHECK(backoff.next() == 4500ms);
    jitter = 0.999;
    CHECK(backoff.next() >= 8000ms);
}
