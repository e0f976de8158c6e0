// Each tab says on its own when what it shows was kept: going offline marks the tabs that show
// platform data, a successful refresh clears only its own tab. The screens run against the
// reference platform on loopback; its fault control makes requests fail, the clock is the
// test's.
#include "catch.hpp"

#include "app/bills_presenter.h"
#include "app/main_presenter.h"
#include "app/weather_presenter.h"
#include "life_test_support.h"

#include <boost/json.hpp>
#include <httplib.h>

using namespace cd;
using namespace cd::app;
using namespace std::chrono;

namespace {

struct NoticeView : MainView {
    std::array<Message, tab_count> notices;
    int notices_shown = 0;
    void show_connection_status(const Message&) override {}
    void show_tab(Tab) override {}
    void show_tab_notice(Tab tab, const Message& notice) override {
        notices[std::size_t(tab_index(tab))] = notice;
        ++notices_shown;
    }
    const Message& of(Tab tab) const { return notices[std::size_t(tab_index(tab))]; }
};

// 2026-12-03 at hh:mm in the city (UTC+8).
system_clock::time_point city_time(int hour, int minute) {
    return sys_days{year{2026} / December / 3} + hours(hour - 8) + minutes(minute);
}

Message kept_unreachable(const std::string& at) {
    return msg("Showing what was kept at {0}; the platform cannot be reached.", {at});
}

TabFreshness with_city_clock(system_clock::time_point& clock) {
    TabFreshness f;
    f.set_utc_offset([](system_clock::time_point) { return 480; });
    f.set_clock([&clock] { return clock; });
    return f;
}

} // namespace

TEST_CASE("a tab's notice says what was kept and since when, and fresh data says nothing",
          "[ui-logic][main][freshness]") {
    system_clock::time_point clock = city_time(9, 12);
    TabFreshness f = with_city_clock(clock);
    std::vector<Tab> told;
    f.set_listener([&](Tab tab) { told.push_back(tab); });

    f.fresh(Tab::life, "weather", city_time(9, 12));
    f.fresh(Tab::life, "stations", city_time(9, 30));
    f.fresh(Tab::payments, "bills", city_time(9, 40));
    CHECK(told.empty()); // fresh data changes no notice
    for (Tab tab : all_tabs) {
        CHECK(f.notice(tab).empty());
    }

    clock = city_time(10, 5);
    f.on_connection_changed(ConnectionState::offline);
    // The oldest of what the tab keeps: the tab is no newer than that.
    CHECK(f.notice(Tab::life) == kept_unreachable("09:12"));
    CHECK(f.notice(Tab::payments) == kept_unreachable("09:40"));
    CHECK(f.notice(Tab::government).empty()); // shows nothing from the platform
    CHECK(f.notice(Tab::voice).empty());
    CHECK(told == std::vector<Tab>{Tab::life, Tab::payments});

    // Back, and one screen refreshed: only its tab is current again.
    f.on_connection_changed(ConnectionState::online);
    CHECK(f.notice(Tab::life) ==
          msg("Showing what was kept at {0}; it could not be brought up to date.", {"09:12"}));
    f.fresh(Tab::payments, "bills", city_time(10, 6));
    CHECK(f.notice(Tab::payments).empty());
    f.fresh(Tab::life, "weather", city_time(10, 6));
    CHECK_FALSE(f.notice(Tab::life).empty()); // the stations are still what was kept
    f.fresh(Tab::life, "stations", city_time(10, 6));
    CHECK(f.notice(Tab::life).empty());

    // A copy from the vault whose age is not known; and data of another day shows its date.
    f.kept(Tab::government, "catalog");
    CHECK(f.notice(Tab::government) ==
          msg("Showing what was kept on this computer; it could not be brought up to date."));
    f.cleared(Tab::government, "catalog");
    CHECK(f.notice(Tab::government).empty());
    f.fresh(Tab::voice, "feed", city_time(9, 0) - days(1));
    f.failed(Tab::voice, "feed");
    CHECK(f.notice(Tab::voice).args == std::vector<std::string>{"2026-12-02 09:00"});
    // A refresh that fails with nothing shown is the screen's own message, not a notice.
    f.failed(Tab::government, "applications");
    CHECK(f.notice(Tab::government).empty());
}

TEST_CASE("going offline marks the tabs whose screens show platform data, and a successful refresh "
          "clears only its own tab",
          "[ui-logic][main][freshness]") {
    test::AppTestContext::Options options;
    options.server.faults = true;
    test::AppTestContext t(options);
    test::load_city(t);
    t.sign_in();
    system_clock::time_point clock = city_time(10, 41);
    t.context->now = [&clock] {
        return clock;
    };
    t.data.freshness().set_utc_offset([](system_clock::time_point) { return 480; });
    t.data.freshness().set_clock([&clock] { return clock; });
    NoticeView view;
    MainPresenter main(view, "127.0.0.1");
    main.set_connection_listener([&](ConnectionState s) { t.data.set_connection(s); });
    main.follow(t.data.freshness());
    main.on_connection_changed(ConnectionState::online); // as the connection monitor says

    struct : WeatherView {
        bool busy = false;
        int shown = 0;
        void show_districts(const std::vector<std::string>&, std::size_t) override {}
        void show_busy(bool b) override { busy = b; }
        void show_weather(const WeatherNow&) override { ++shown; }
        void show_air(const AirNow&) override {}
        void show_note(const Message&) override {}
    } weather_view;
    struct : BillsView {
        BillsState last;
        void show_bills(const BillsState& s) override { last = s; }
        void show_account_result(const Message&) override {}
    } bills_view;
    WeatherPresenter weather(*t.context, weather_view);
    weather.start();
    BillsPresenter bills(*t.context, bills_view, nullptr);
    REQUIRE(t.ui.run_until([&] {
        return weather_view.shown > 0 && !weather_view.busy && !bills_view.last.loading &&
               !bills_view.last.groups.empty();
    }));
    for (Tab tab : all_tabs) {
        CHECK(view.of(tab).empty());
    }

    // Every request is dropped: the platform cannot be reached.
    auto faults = [&](boost::json::array rules) {
        httplib::Client c("127.0.0.1", t.server.port());
        auto res = c.Post(
            "/_faults", boost::json::serialize(boost::json::object{{"seed", 1}, {"rules", rules}}),
            "application/json");
        REQUIRE(res);
        REQUIRE(res->status == 200);
    };
    faults({boost::json::object{{"path_prefix", "/"}, {"fault", "drop"}}});
    clock = city_time(10, 50);
    main.on_connection_changed(ConnectionState::offline);
    CHECK(view.of(Tab::life) == kept_unreachable("10:41"));
    CHECK(view.of(Tab::payments) == kept_unreachable("10:41"));
    CHECK(view.of(Tab::government).empty()); // no screen there shows platform data here
    CHECK(view.of(Tab::voice).empty());

    // A refresh that fails keeps the notice (and the data).
    bills.refresh();
    REQUIRE(t.ui.run_until([&] { return !bills_view.last.loading; }));
    CHECK_FALSE(bills_view.last.groups.empty());
    CHECK(view.of(Tab::payments) == kept_unreachable("10:41"));

    // Back, but the bills still fail: the weather's refresh on reconnection clears My Life only.
    faults({boost::json::object{{"path_prefix", "/v1/bills"}, {"fault", "drop"}}});
    clock = city_time(10, 55);
    main.on_connection_changed(ConnectionState::online);
    REQUIRE(t.ui.run_until(
        [&] { return weather_view.shown > 1 && !weather_view.busy && !bills_view.last.loading; }));
    CHECK(view.of(Tab::life).empty());
    CHECK(view.of(Tab::payments) ==
          msg("Showing what was kept at {0}; it could not be brought up to date.", {"10:41"}));

    faults({});
    bills.refresh();
    REQUIRE(t.ui.run_until([&] { return !bills_view.last.loading; }));
    CHECK(view.of(Tab::payments).empty());
    CHECK(view.of(Tab::life).empty());
}
