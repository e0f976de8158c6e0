#include "catch.hpp"
#include "server_fixture.h"

using namespace cd::test;

TEST_CASE("weather and air quality come in Open-Meteo's response format", "[server]") {
    TestServer srv;
    auto c = srv.client();
    auto w = parse(c.Get("/v1/life/weather?district=D03")->body).as_object();
    for (const char* k : {"latitude", "longitude", "utc_offset_seconds", "timezone",
                          "current_units", "current", "daily_units", "daily"}) {
        CHECK(w.contains(k));
    }
    CHECK(w.at("current").as_object().contains("weather_code"));
    const auto& daily = w.at("daily").as_object();
    CHECK(daily.at("time").as_array().size() == daily.at("temperature_2m_max").as_array().size());
    auto aq = parse(c.Get("/v1/life/air-quality?district=D03")->body).as_object();
    CHECK(aq.at("current").as_object().contains("european_aqi"));
    CHECK(aq.at("hourly").at("pm2_5").as_array().size() == 24);
    auto bad = c.Get("/v1/life/weather?district=X");
    REQUIRE(bad);
    CHECK(bad->status == 400);
}

TEST_CASE("holidays come in holiday-cn's format with make-up working days", "[server]") {
    TestServer srv;
    auto c = srv.client();
    auto h = parse(c.Get("/v1/life/holidays/2026")->body).as_object();
    CHECK(h.at("year").as_int64() == 2026);
    CHECK(h.at("papers").is_array());
    bool off = false, makeup = false;
    for (const auto& d : h.at("days").as_array()) {
        CHECK(d.at("date").as_string().size() == 10);
        (d.at("isOffDay").as_bool() ? off : makeup) = true;
    }
    CHECK(off);
    CHECK(makeup);
    CHECK(c.Get("/v1/life/holidays/1999")->status == 404);
}

TEST_CASE("stations have coordinates and hours, and news comes in pages", "[server]") {
    TestServer srv;
    auto c = srv.client();
    auto st = parse(c.Get("/v1/life/stations?district=D01")->body).at("stations").as_array();
    REQUIRE(!st.empty());
    CHECK(st[0].at("latitude").is_double());
    CHECK(!st[0].at("opening_hours").as_array().empty());
    auto news = parse(c.Get("/v1/life/news?limit=5")->body).as_object();
    CHECK(news.at("items").as_array().size() == 5);
    CHECK(news.at("total").as_int64() > 5);
}
