#include "catch.hpp"

#include "app/citizen_card_presenter.h"
#include "app/holidays_presenter.h"
#include "app/life_services_presenter.h"
#include "app/stations_presenter.h"
#include "life_test_support.h"

#include <algorithm>

using namespace cd;
using namespace cd::app;

namespace {

struct FakeHolidaysView : HolidaysView {
    std::optional<HolidayYear> year;
    Message note;
    bool busy = false;
    void show_busy(bool b) override { busy = b; }
    void show_year(const HolidayYear& y) override { year = y; }
    void show_note(const Message& n) override { note = n; }
};

struct FakeStationsView : StationsView {
    std::vector<std::string> districts;
    std::size_t selected = 0;
    std::optional<std::vector<StationRow>> stations;
    Message order;
    Message note;
    bool busy = false;
    void show_districts(const std::vector<std::string>& names, std::size_t sel) override {
        districts = names;
        selected = sel;
    }
    void show_busy(bool b) override { busy = b; }
    void show_stations(const std::vector<StationRow>& s, const Message& o) override {
        stations = s;
        order = o;
    }
    void show_note(const Message& n) override { note = n; }
};

struct FakeServicesView : LifeServicesView {
    std::vector<CategoryRow> categories;
    std::vector<ServiceRow> services;
    std::optional<ServiceDetails> details;
    Message note;
    bool busy = false;
    void show_busy(bool b) override { busy = b; }
    void show_categories(const std::vector<CategoryRow>& c) override { categories = c; }
    void show_services(const std::vector<ServiceRow>& s) override { services = s; }
    void show_details(const ServiceDetails& d) override { details = d; }
    void show_note(const Message& n) override { note = n; }
};

struct FakeCardView : CitizenCardView {
    std::optional<CitizenCard> card;
    Message reason;
    void show_card(const CitizenCard& c) override {
        card = c;
        reason = {};
    }
    void show_no_card(const Message& r) override {
        card.reset();
        reason = r;
    }
};

std::size_t open_count(const std::vector<StationRow>& rows) {
    return std::size_t(std::count_if(rows.begin(), rows.end(), [](auto& r) { return r.open_now; }));
}

} // namespace

TEST_CASE("the city clock is UTC+8", "[app][ui-logic]") {
    auto monday = city_clock(test::city_time(30, 9, 15));
    CHECK(monday.date() == "2026-11-30");
    CHECK(monday.weekday == 1);
    CHECK(monday.minute_of_day == 9 * 60 + 15);
    // 23:30 UTC on Sunday the 29th is 07:30 on Monday in the city.
    using namespace std::chrono;
    auto late = city_clock(sys_days{year{2026} / November / 29} + hours(23) + minutes(30));
    CHECK(late.date() == "2026-11-30");
    CHECK(late.weekday == 1);
    CHECK(late.minute_of_day == 7 * 60 + 30);
    CHECK(city_clock(test::city_time(29, 12, 0)).weekday == 7);
}

TEST_CASE("open now at the edges of the opening hours", "[app][ui-logic]") {
    std::vector<api::OpeningPeriod> hours{{1, "08:30", "17:30"}, {2, "08:30", "17:30"},
                                          {3, "08:30", "17:30"}, {4, "08:30", "17:30"},
                                          {5, "08:30", "17:30"}, {6, "08:30", "12:00"}};
    CHECK_FALSE(open_at(hours, city_clock(test::city_time(30, 8, 29))));
    CHECK(open_at(hours, city_clock(test::city_time(30, 8, 30))));
    CHECK(open_at(hours, city_clock(test::city_time(30, 17, 29))));
    CHECK_FALSE(open_at(hours, city_clock(test::city_time(30, 17, 30))));
    CHECK(open_at(hours, city_clock(test::city_time(28, 11, 59))));      // Saturday
    CHECK_FALSE(open_at(hours, city_clock(test::city_time(28, 12, 0)))); // Saturday noon
    CHECK_FALSE(open_at(hours, city_clock(test::city_time(29, 10, 0)))); // Sunday
    CHECK(hours_spans(hours) ==
          std::vector<HoursSpan>{{1, 5, "08:30", "17:30"}, {6, 6, "08:30", "12:00"}});
    CHECK(distance_km(30.0, 120.0, 30.0, 120.0) == 0.0);
    CHECK(distance_km(30.0, 120.0, 31.0, 120.0) == Approx(111.19).margin(0.01));
}

TEST_CASE("this year's holidays with make-up working days, the next one marked",
          "[app][ui-logic]") {
    test::AppTestContext t;
    t.context->now = [] {
        return test::city_time(1, 10, 0) - std::chrono::days(91);
    }; // 09-01
    FakeHolidaysView view;
    HolidaysPresenter holidays(*t.context, view);
    holidays.start();
    REQUIRE(t.ui.run_until([&] { return view.year.has_value(); }));
    const auto& year = *view.year;
    CHECK(year.year == 2026);
    CHECK(year.working_days == 6);
    CHECK(year.off_days == 33);
    CHECK(std::is_sorted(year.days.begin(), year.days.end(),
                         [](auto& a, auto& b) { return a.date < b.date; }));
    auto makeup = std::find_if(year.days.begin(), year.days.end(),
                               [](auto& d) { return d.date == "2026-02-28"; });
    REQUIRE(makeup != year.days.end());
    CHECK_FALSE(makeup->off_day);
    CHECK(makeup->kind.id == "Make-up working day");
    // 2026-09-20 is a make-up working day; the next days off are the Mid-Autumn Festival's.
    CHECK(year.next.args == std::vector<std::string>{"中秋节", "2026-09-25"});
    std::vector<std::string> marked;
    for (const auto& d : year.days) {
        if (d.next) {
            marked.push_back(d.date);
        }
    }
    CHECK(marked == std::vector<std::string>{"2026-09-25", "2026-09-26", "2026-09-27"});

    api::Holidays h{2026, {}, {{"国庆节", "2026-10-01", true}}};
    CHECK(HolidaysPresenter::arrange(h, "2026-10-01").days.front().next);
    CHECK(HolidaysPresenter::arrange(h, "2026-10-02").next.id ==
          "No more public holidays this year.");
}

TEST_CASE("a year without a notice says so", "[app][ui-logic]") {
    test::AppTestContext t;
    t.context->now = [] {
        return test::city_time(30, 10, 0) + std::chrono::days(365 * 3);
    };
    FakeHolidaysView view;
    HolidaysPresenter holidays(*t.context, view);
    holidays.start();
    REQUIRE(t.ui.run_until([&] { return !view.note.empty(); }));
    CHECK(view.note.id == "The holidays for {0} have not been published yet.");
    CHECK(view.note.args == std::vector<std::string>{"2029"});
}

TEST_CASE("stations nearest first, open now at fixed times", "[app][ui-logic]") {
    test::AppTestContext t;
    test::load_city(t);
    api::Profile profile;
    profile.district = "D03";
    t.data.set_signed_in(profile);
    auto now = test::city_time(30, 10, 0); // Monday 10:00
    t.context->now = [&] {
        return now;
    };
    FakeStationsView view;
    StationsPresenter stations(*t.context, view);
    stations.start();
    REQUIRE(t.ui.run_until([&] { return view.stations.has_value(); }));
    CHECK(stations.district() == "D03");
    const auto& rows = *view.stations;
    REQUIRE(rows.size() == 8);
    CHECK(view.order.id == "Nearest to your address first");
    const api::District* xihu = nullptr;
    for (const auto& d : t.data.city()->districts) {
        if (d.id == "D03") {
            xihu = &d;
        }
    }
    REQUIRE(xihu != nullptr);
    for (std::size_t i = 0; i < rows.size(); ++i) {
        REQUIRE(rows[i].distance_km.has_value());
        CHECK_FALSE(rows[i].distance.empty());
        if (i > 0) {
            CHECK(*rows[i - 1].distance_km <= *rows[i].distance_km);
        }
    }
    // The distance is measured from the district centre to the station.
    std::vector<api::Station> raw;
    REQUIRE(t.ui.run_until([&] {
        std::promise<Result<std::vector<api::Station>>> p;
        t.client->stations("D03", [&](auto r) { p.set_value(std::move(r)); });
        auto r = p.get_future().get();
        raw = r.ok() ? *r : raw;
        return r.ok();
    }));
    auto first = std::find_if(raw.begin(), raw.end(), [&](auto& s) { return s.id == rows[0].id; });
    REQUIRE(first != raw.end());
    CHECK(*rows[0].distance_km ==
          Approx(distance_km(xihu->latitude, xihu->longitude, first->latitude, first->longitude)));
    CHECK(open_count(rows) == 8);

    now = test::city_time(28, 10, 0); // Saturday morning: the stations open at weekends
    stations.update_open_now();
    CHECK(open_count(*view.stations) == 4);
    now = test::city_time(28, 13, 0); // Saturday afternoon
    stations.update_open_now();
    CHECK(open_count(*view.stations) == 0);
    now = test::city_time(30, 17, 30); // Monday, closing time
    stations.update_open_now();
    CHECK(open_count(*view.stations) == 0);

    t.data.set_signed_out(); // no address: by name
    REQUIRE(view.stations.has_value());
    CHECK(view.order.id == "By name (sign in to sort by distance from your address)");
    CHECK(std::is_sorted(view.stations->begin(), view.stations->end(),
                         [](auto& a, auto& b) { return a.name < b.name; }));
    CHECK_FALSE(view.stations->front().distance_km.has_value());
}

TEST_CASE("the 8 convenience categories with their services and details", "[app][ui-logic]") {
    test::AppTestContext t;
    test::load_city(t);
    REQUIRE_FALSE(t.data.catalog());
    FakeServicesView view;
    LifeServicesPresenter services(*t.context, view);
    services.start();
    // No catalog yet: the presenter fetches it once and shares it.
    REQUIRE(t.ui.run_until([&] { return t.data.catalog() != nullptr && !view.services.empty(); }));
    REQUIRE(view.categories.size() == 8);
    std::size_t total = 0;
    for (const auto& c : view.categories) {
        INFO(c.id);
        CHECK(c.services > 0);
        total += c.services;
    }
    auto convenience =
        std::count_if(t.data.catalog()->services.begin(), t.data.catalog()->services.end(),
                      [](auto& s) { return s.kind == "convenience"; });
    CHECK(total == std::size_t(convenience));
    CHECK(view.services.size() == view.categories[0].services);

    services.choose_category(2);
    CHECK(view.services.size() == view.categories[2].services);
    const std::string id = view.services.front().id;
    services.open_service(0);
    REQUIRE(t.ui.run_until([&] { return view.details.has_value(); }));
    CHECK(view.details->id == id);
    CHECK_FALSE(view.details->phone.empty());
    CHECK_FALSE(view.details->address.empty());
    CHECK(view.details->link == t.server.base_url() + "/services/" + id); // for people
    const auto page = test::open_in_browser(t, view.details->link);
    CHECK(page.status == 200);
    CHECK(page.content_type.rfind("text/html", 0) == 0);
    CHECK(page.body.find("<h1>") != std::string::npos);
}

TEST_CASE("the citizen card needs a session", "[app][ui-logic]") {
    test::AppTestContext t;
    test::load_city(t);
    FakeCardView view;
    CitizenCardPresenter card(*t.context, view);
    card.start();
    CHECK(view.reason.id == "Sign in to see your citizen card.");
    t.sign_in(); // publishes signed_in; the profile is read from the platform
    REQUIRE(t.ui.run_until([&] { return view.card.has_value(); }));
    CHECK(view.card->holder == "Zhang Ming");
    CHECK(view.card->district == "Xihu District");
    CHECK(view.card->resident_id_masked == "330106********2315");
    CHECK(view.card->status.id == "Linked to your resident ID");
    CHECK(view.card->balance.args == std::vector<std::string>{"5000.00"});
    t.data.set_signed_out();
    CHECK_FALSE(view.card.has_value());
    CHECK(view.reason.id == "Sign in to see your citizen card.");
}
