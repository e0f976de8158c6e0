#include "catch.hpp"
#include "comma_locale.h"
#include "movable_clock.h"
#include "server_fixture.h"

using namespace cd::test;

TEST_CASE("Open311 discovery and services carry the GeoReport v2 fields", "[server]") {
    TestServer srv;
    auto c = srv.client();
    auto disc = parse(c.Get("/open311/v2/discovery.json")->body).as_object();
    const auto& ep = disc.at("endpoints").as_array().at(0).as_object();
    CHECK(ep.at("specification") == "http://wiki.open311.org/GeoReport_v2");
    CHECK(ep.contains("url"));
    auto services = parse(c.Get("/open311/v2/services.json")->body).as_array();
    REQUIRE(services.size() >= 8);
    for (const auto& s : services) {
        for (const char* k : {"service_code", "service_name", "description", "metadata", "type",
                              "keywords", "group"}) {
            CHECK(s.as_object().contains(k));
        }
    }
    auto def = parse(c.Get("/open311/v2/services/301.json")->body).as_object();
    CHECK(def.at("service_code") == "301");
    const auto& attr = def.at("attributes").as_array().at(1).as_object();
    for (const char* k : {"variable", "code", "datatype", "required", "datatype_description",
                          "order", "description", "values"}) {
        CHECK(attr.contains(k));
    }
}

TEST_CASE("Open311 POST requests with attributes, then by id, by token and in the feed",
          "[server]") {
    MovableClock platform_clock; // the test moves the platform's time past the whole path
    TestServer srv([&](auto& o) { o.clock = platform_clock.function(); });
    auto c = srv.client();
    auto created =
        c.Post("/open311/v2/requests.json",
               "api_key=demo&service_code=101&lat=30.27&long=120.13"
               "&description=%E8%B7%AF%E9%9D%A2%E5%9D%91%E6%B4%BC&attribute%5Bsize%5D=large",
               "application/x-www-form-urlencoded");
    REQUIRE(created);
    REQUIRE(created->status == 201);
    auto first = parse(created->body).as_array().at(0).as_object();
    std::string id(first.at("service_request_id").as_string());
    std::string token(first.at("token").as_string());

    auto by_token = parse(c.Get(("/open311/v2/tokens/" + token + ".json").c_str())->body);
    CHECK(by_token.as_array().at(0).at("service_request_id").as_string() == id);

    platform_clock.advance(std::chrono::hours(70));
    auto one = parse(c.Get(("/open311/v2/requests/" + id + ".json").c_str())->body).as_array();
    REQUIRE(one.size() == 1);
    const auto& r = one[0].as_object();
    for (const char* k : {"service_request_id", "status", "status_notes", "service_name",
                          "service_code", "description", "agency_responsible", "service_notice",
                          "requested_datetime", "updated_datetime", "expected_datetime", "address",
                          "address_id", "zipcode", "lat", "long", "media_url"}) {
        CHECK(r.contains(k));
    }
    CHECK(r.at("status") == "closed");
    CHECK(r.at("status_notes").is_string());

    auto updates = parse(
        c.Get(("/open311/v2/servicerequestupdates.json?service_request_id=" + id).c_str())->body);
    CHECK(updates.as_array().size() == 3);
    auto feed =
        parse(c.Get("/open311/v2/requests.json?service_code=101&status=closed")->body).as_array();
    bool found = false;
    for (const auto& f : feed) {
        CHECK(f.at("service_code") == "101");
        found = found || f.at("service_request_id").as_string() == id;
    }
    CHECK(found);
}

TEST_CASE("Open311 errors come as its own error list", "[server]") {
    TestServer srv;
    auto c = srv.client();
    auto no_key = c.Post("/open311/v2/requests.json", "service_code=101&lat=1&long=2",
                         "application/x-www-form-urlencoded");
    REQUIRE(no_key);
    CHECK(no_key->status == 400);
    auto errors = parse(no_key->body).as_array();
    CHECK(errors.at(0).at("code").as_int64() == 400);
    CHECK(errors.at(0).at("description").is_string());
    auto missing_attr =
        c.Post("/open311/v2/requests.json", "api_key=k&service_code=101&address_string=x",
               "application/x-www-form-urlencoded");
    REQUIRE(missing_attr);
    CHECK(missing_attr->status == 400); // "size" is required for potholes
    for (const char* bad :
         {"start_date=yesterday", "end_date=2026-13-01", "start_date=2026-01-01T25:00:00Z",
          "start_date=2026-01-01T10:00:00+0800"}) {
        auto res = c.Get((std::string("/open311/v2/servicerequestupdates.json?") + bad).c_str());
        REQUIRE(res);
        CHECK(res->status == 400);
    }
    auto window = c.Get(
        "/open311/v2/requests.json?start_date=2020-01-01T00:00:00%2B08:00&end_date=2020-01-02");
    REQUIRE(window);
    CHECK(window->status == 200);
    CHECK(parse(window->body).as_array().empty());
    auto unknown = c.Get("/open311/v2/requests/1.json");
    REQUIRE(unknown);
    CHECK(unknown->status == 404);
    CHECK(parse(unknown->body).is_array());
}

// The demo platform runs inside the app, after its setlocale(LC_ALL, ""): "30.27" must still be
// 30.27 under a locale whose decimal point is a comma, and "30,27" is not a coordinate.
TEST_CASE("Open311 coordinates are read with a point under de_DE", "[server][locale]") {
    TestServer srv;
    CommaDecimalLocale comma;
    auto c = srv.client();
    auto created = c.Post("/open311/v2/requests.json",
                          "api_key=demo&service_code=102&lat=30.27&long=120.13&description=dark",
                          "application/x-www-form-urlencoded");
    REQUIRE(created);
    REQUIRE(created->status == 201);
    std::string id(parse(created->body).as_array().at(0).at("service_request_id").as_string());
    auto one = parse(c.Get(("/open311/v2/requests/" + id + ".json").c_str())->body).as_array();
    REQUIRE(one.size() == 1);
    CHECK(one[0].at("lat").to_number<double>() == 30.27);
    CHECK(one[0].at("long").to_number<double>() == 120.13);

    auto comma_text = c.Post("/open311/v2/requests.json",
                             "api_key=demo&service_code=102&lat=30,27&long=120,13&description=x",
                             "application/x-www-form-urlencoded");
    REQUIRE(comma_text);
    CHECK(comma_text->status == 400);
}

TEST_CASE("Open311 service lists and definitions answer 304 to their ETag", "[server]") {
    TestServer srv;
    auto c = srv.client();
    for (const char* path : {"/open311/v2/services.json", "/open311/v2/services/201.json"}) {
        INFO(path);
        auto first = c.Get(path);
        REQUIRE(first);
        REQUIRE(first->status == 200);
        const std::string etag = first->get_header_value("ETag");
        REQUIRE(etag.size() > 2);
        CHECK(etag.front() == '"');
        auto again = c.Get(path, {{"If-None-Match", etag}});
        REQUIRE(again);
        CHECK(again->status == 304);
        CHECK(again->body.empty());
        auto other = c.Get(path, {{"If-None-Match", "\"0000000000000000\""}});
        REQUIRE(other);
        CHECK(other->status == 200);
        CHECK(other->get_header_value("ETag") == etag);
    }
}
