#include "catch.hpp"

#include "app/weather_presenter.h"
#include "life_test_support.h"
#include "store/preferences.h"

#include <set>

using namespace cd;
using namespace cd::app;

namespace {

struct FakeWeatherView : WeatherView {
    std::vector<std::string> districts;
    std::size_t selected = 0;
    std::optional<WeatherNow> weather;
    std::optional<AirNow> air;
    Message note;
    int weather_shown = 0;
    int fetches = 0;
    bool busy = false;

    void show_districts(const std::vector<std::string>& names, std::size_t sel) override {
        districts = names;
        selected = sel;
    }
    void show_busy(bool b) override {
        busy = b;
        fetches += b ? 1 : 0;
    }
    void show_weather(const WeatherNow& w) override {
        weather = w;
        ++weather_shown;
    }
    void show_air(const AirNow& a) override { air = a; }
    void show_note(const Message& n) override { note = n; }
};

} // namespace

TEST_CASE("every WMO code Open-Meteo sends has words and an icon", "[app][ui-logic]") {
    const std::vector<std::int64_t> expected{0,  1,  2,  3,  45, 48, 51, 53, 55, 56,
                                             57, 61, 63, 65, 66, 67, 71, 73, 75, 77,
                                             80, 81, 82, 85, 86, 95, 96, 99};
    REQUIRE(known_weather_codes() == expected);
    std::set<std::string> words;
    for (auto code : expected) {
        auto c = weather_condition(code);
        CHECK(c.icon != WeatherIcon::unknown);
        CHECK(icon_name(c.icon) != "unknown");
        CHECK(c.words.args.empty());
        words.insert(c.words.id);
    }
    CHECK(words.size() == expected.size()); // each code has its own words
    CHECK(weather_condition(0).words.id == "Clear sky");
    CHECK(icon_name(weather_condition(0).icon) == "clear");
    CHECK(weather_condition(63).words.id == "Moderate rain");
    CHECK(icon_name(weather_condition(63).icon) == "rain");
    CHECK(icon_name(weather_condition(75).icon) == "snow");
    CHECK(icon_name(weather_condition(99).icon) == "thunderstorm");

    for (std::int64_t unknown : {-1, 4, 50, 100}) {
        auto c = weather_condition(unknown);
        CHECK(c.icon == WeatherIcon::unknown);
        CHECK(icon_name(c.icon) == "unknown");
        CHECK(c.words.args == std::vector<std::string>{std::to_string(unknown)});
    }
}

TEST_CASE("European AQI bands at their boundaries", "[app][ui-logic]") {
    using B = AirQualityBand;
    const std::vector<std::pair<std::int64_t, B>> table{{0, B::good},
                                                        {20, B::good},
                                                        {21, B::fair},
                                                        {40, B::fair},
                                                        {41, B::moderate},
                                                        {60, B::moderate},
                                                        {61, B::poor},
                                                        {80, B::poor},
                                                        {81, B::very_poor},
                                                        {100, B::very_poor},
                                                        {101, B::extremely_poor},
                                                        {500, B::extremely_poor}};
    for (auto [aqi, band] : table) {
        INFO("AQI " << aqi);
        CHECK(air_quality_band(aqi) == band);
    }
    CHECK(air_quality_words(B::good).id == "Good");
    CHECK(air_quality_words(B::very_poor).id == "Very poor");
    CHECK(air_quality_words(B::extremely_poor).id == "Extremely poor");
}

TEST_CASE("the weather of the chosen district, remembered in the vault", "[app][ui-logic]") {
    test::AppTestContext t;
    test::load_city(t);
    FakeWeatherView view;
    {
        WeatherPresenter weather(*t.context, view);
        weather.start();
        REQUIRE(t.ui.run_until([&] { return view.weather && view.air; }));
        // Not signed in, nothing remembered: the city's first district.
        CHECK(weather.district() == "D01");
        CHECK(view.selected == 0);
        CHECK(view.districts.size() == t.data.city()->districts.size());
        CHECK(view.weather->district.args == std::vector<std::string>{"Shangcheng District"});
        CHECK(view.weather->temperature.id == "{0} °C");
        REQUIRE(view.weather->temperature.args.size() == 1);
        CHECK(view.weather->temperature.args[0].find('.') != std::string::npos);
        CHECK(view.weather->days.size() == 7);
        CHECK(view.weather->condition.icon != WeatherIcon::unknown);
        CHECK(view.air->band == air_quality_band(view.air->european_aqi));

        view.weather.reset();
        weather.choose_district(2);
        REQUIRE(t.ui.run_until([&] { return view.weather.has_value(); }));
        CHECK(weather.district() == "D03");
        CHECK(view.weather->district.args == std::vector<std::string>{"Xihu District"});
    }
    auto saved = t.vault->run_and_wait(
        [](store::Vault& v) { return store::Preferences(v).get(district_preference); });
    REQUIRE(saved.ok());
    CHECK(*saved == std::optional<std::string>("D03"));

    // A new presenter (the app restarted) starts with the remembered district.
    FakeWeatherView again;
    WeatherPresenter weather(*t.context, again);
    weather.start();
    REQUIRE(t.ui.run_until([&] { return again.weather.has_value(); }));
    CHECK(weather.district() == "D03");
    CHECK(again.selected == 2);
    CHECK(again.weather->district.args == std::vector<std::string>{"Xihu District"});
}

TEST_CASE("the signed-in citizen's district is the default", "[app][ui-logic]") {
    test::AppTestContext t;
    test::load_city(t);
    api::Profile profile;
    profile.district = "D05";
    t.data.set_signed_in(profile);
    FakeWeatherView view;
    WeatherPresenter weather(*t.context, view);
    weather.start();
    REQUIRE(t.ui.run_until([&] { return view.weather.has_value(); }));
    CHECK(weather.district() == "D05");
    CHECK(view.weather->district.args == std::vector<std::string>{"Xiaoshan District"});
}

TEST_CASE("offline, the last weather stays and a message says so", "[app][ui-logic]") {
    test::AppTestContext t;
    test::load_city(t);
    FakeWeatherView view;
    WeatherPresenter weather(*t.context, view);
    weather.start();
    REQUIRE(t.ui.run_until([&] { return view.weather && !view.busy; }));
    const auto last = *view.weather;
    const int shown = view.weather_shown;

    t.server.stop();
    weather.refresh();
    REQUIRE(t.ui.run_until([&] { return !view.note.empty() && !view.busy; }));
    CHECK(view.note.id ==
          "The platform cannot be reached. This is the weather last received ({0}).");
    CHECK(view.note.args == std::vector<std::string>{last.observed_at});
    CHECK(view.weather_shown == shown); // nothing cleared or replaced
    CHECK(view.weather->temperature == last.temperature);
    CHECK(weather.has_weather());
}

TEST_CASE("offline before any weather arrived", "[app][ui-logic]") {
    test::AppTestContext::Options offline;
    offline.start_platform = false;
    test::AppTestContext t(offline);
    api::City city;
    city.districts.push_back({"D01", {"上城区", "Shangcheng District"}, 30.2, 120.1, 1});
    t.data.set_city(city);
    FakeWeatherView view;
    WeatherPresenter weather(*t.context, view);
    weather.start();
    REQUIRE(t.ui.run_until([&] { return !view.note.empty() && !view.busy; }));
    CHECK(view.note.id ==
          "The platform cannot be reached. The weather will appear when you are back online.");
    CHECK_FALSE(view.weather.has_value());
}

TEST_CASE("a district chosen while the vault is locked is kept, and saved once it opens",
          "[app][ui-logic]") {
    test::AppTestContext::Options locked;
    locked.unlock_vault = false;
    test::AppTestContext t(locked);
    test::load_city(t);
    FakeWeatherView view;
    WeatherPresenter weather(*t.context, view);
    weather.start();
    REQUIRE(t.ui.run_until([&] { return view.weather.has_value(); }));
    view.weather.reset();
    weather.choose_district(3);
    REQUIRE(t.ui.run_until([&] { return view.weather.has_value(); }));
    CHECK(weather.district() == "D04");

    bool created = false;
    t.vault->create(store::SecretBytes("correct horse battery staple 42"),
                    [&](Status s) { created = s.ok(); });
    REQUIRE(t.ui.run_until([&] { return created; }));
    t.events.publish(AppEvent::vault_unlocked);
    REQUIRE(t.ui.run_until([&] {
        auto saved = t.vault->run_and_wait(
            [](store::Vault& v) { return store::Preferences(v).get(district_preference); });
        return saved.ok() && *saved == std::optional<std::string>("D04");
    }));
    CHECK(weather.district() == "D04");
}

TEST_CASE("showing the screen again fetches only weather over half an hour old",
          "[app][ui-logic]") {
    test::AppTestContext t;
    test::load_city(t);
    auto now = test::city_time(30, 9, 0);
    t.context->now = [&] {
        return now;
    };
    FakeWeatherView view;
    WeatherPresenter weather(*t.context, view);
    weather.start();
    REQUIRE(t.ui.run_until([&] { return view.weather && !view.busy; }));
    const int fetches = view.fetches;
    now += std::chrono::minutes(20);
    weather.on_shown();
    CHECK(view.fetches == fetches);
    now += std::chrono::minutes(11);
    weather.on_shown();
    CHECK(view.fetches == fetches + 1);
    REQUIRE(t.ui.run_until([&] { return !view.busy; }));
}
