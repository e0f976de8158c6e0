#include "catch.hpp"
#include "server/catalog_data.h"
#include "server_fixture.h"

#include <set>

using namespace cd::test;

TEST_CASE("the seeded catalog has the promised size and exactly eight categories", "[server]") {
    auto c = cd::server::build_catalog(20261128);
    CHECK(c.count("government") >= 400);
    CHECK(c.count("convenience") >= 10000);
    std::set<std::string> categories, ids;
    for (const auto& s : c.services) {
        if (s.kind == "convenience") {
            categories.insert(s.group);
        }
        ids.insert(s.id);
    }
    CHECK(categories.size() == 8);
    CHECK(ids.size() == c.services.size());
}

TEST_CASE("the same seed gives the same catalog and another seed a different one", "[server]") {
    auto a = cd::server::build_catalog(7), b = cd::server::build_catalog(7);
    auto other = cd::server::build_catalog(8);
    REQUIRE(a.services.size() == b.services.size());
    bool same = true, differs = false;
    for (std::size_t i = 0; i < a.services.size(); ++i) {
        same = same && a.services[i].name.zh == b.services[i].name.zh &&
               a.services[i].id == b.services[i].id;
    }
    for (std::size_t i = 0; i < std::min(a.services.size(), other.services.size()); ++i) {
        differs = differs || a.services[i].name.zh != other.services[i].name.zh;
    }
    CHECK(same);
    CHECK(differs);
}

TEST_CASE("a service guide answers with its own ETag and 304 on If-None-Match", "[server]") {
    TestServer srv;
    auto c = srv.client();
    auto res = c.Get("/v1/services/G0002");
    REQUIRE(res);
    REQUIRE(res->status == 200);
    const auto etag = res->get_header_value("ETag");
    REQUIRE_FALSE(etag.empty());
    CHECK(c.Get("/v1/services/G0002")->get_header_value("ETag") == etag); // stable
    CHECK(c.Get("/v1/services/G0003")->get_header_value("ETag") != etag); // per guide

    auto again = c.Get("/v1/services/G0002", {{"If-None-Match", etag}});
    REQUIRE(again);
    CHECK(again->status == 304);
    CHECK(again->body.empty());
    auto other = c.Get("/v1/services/G0002", {{"If-None-Match", "\"guide-0000000000000000\""}});
    REQUIRE(other);
    CHECK(other->status == 200);
    CHECK(other->body == res->body);
}

TEST_CASE("catalog answers with an ETag, 304 on If-None-Match and gzip when asked", "[server]") {
    TestServer srv;
    auto c = srv.client();
    auto res = c.Get("/v1/catalog");
    REQUIRE(res);
    REQUIRE(res->status == 200);
    auto etag = res->get_header_value("ETag");
    REQUIRE_FALSE(etag.empty());
    auto body = parse(res->body).as_object();
    CHECK(body.at("version").as_int64() == std::stoll(res->get_header_value("X-Catalog-Version")));
    CHECK(body.at("services").as_array().size() >= 10400);

    auto again = c.Get("/v1/catalog", {{"If-None-Match", etag}});
    REQUIRE(again);
    CHECK(again->status == 304);
    CHECK(again->body.empty());
    auto stale = c.Get("/v1/catalog", {{"If-None-Match", "\"catalog-v1-s1\""}});
    REQUIRE(stale);
    CHECK(stale->status == 200);

    auto zipped = c.Get("/v1/catalog", {{"Accept-Encoding", "gzip"}});
    REQUIRE(zipped);
    CHECK(zipped->get_header_value("Content-Encoding") == "gzip");
    CHECK(parse(zipped->body).at("version") == body.at("version")); // the client inflated it

    // Offered brotli first (as curl does), the server still answers gzip.
    auto offered = c.Get("/v1/catalog?since=3", {{"Accept-Encoding", "deflate, gzip, br, zstd"}});
    REQUIRE(offered);
    CHECK(offered->get_header_value("Content-Encoding") == "gzip");
    CHECK(!parse(offered->body).at("services").as_array().empty());
    auto city = c.Get("/v1/city", {{"Accept-Encoding", "br, gzip"}});
    REQUIRE(city);
    CHECK(city->get_header_value("Content-Encoding") != "br");
    auto refused = c.Get("/v1/catalog?since=4", {{"Accept-Encoding", "gzip;q=0, identity"}});
    REQUIRE(refused);
    CHECK(refused->get_header_value("Content-Encoding").empty());
}

TEST_CASE("catalog since=VERSION returns only what changed after that version", "[server]") {
    TestServer srv;
    auto c = srv.client();
    auto full = parse(c.Get("/v1/catalog")->body).as_object();
    const auto version = full.at("version").as_int64();
    REQUIRE(version > 1);
    auto delta = parse(c.Get(("/v1/catalog?since=" + std::to_string(version - 1)).c_str())->body)
                     .as_object();
    const auto& changed = delta.at("services").as_array();
    CHECK(!changed.empty());
    CHECK(changed.size() < 100);
    for (const auto& s : changed) {
        CHECK(s.at("version").as_int64() == version);
    }
    auto since3 = parse(c.Get("/v1/catalog?since=3")->body).as_object();
    CHECK(!since3.at("removed").as_array().empty()); // closures came in version 4
    auto none =
        parse(c.Get(("/v1/catalog?since=" + std::to_string(version)).c_str())->body).as_object();
    CHECK(none.at("services").as_array().empty());
    auto bad = c.Get("/v1/catalog?since=abc");
    REQUIRE(bad);
    CHECK(bad->status == 400);
    CHECK(bad->get_header_value("Content-Type") == "application/problem+json");
}

TEST_CASE("a guide carries documents, limits, steps, halls and the online form", "[server]") {
    TestServer srv;
    auto c = srv.client();
    auto res = c.Get("/v1/services/G0002");
    REQUIRE(res);
    REQUIRE(res->status == 200);
    auto g = parse(res->body).as_object();
    CHECK(!g.at("required_documents").as_array().empty());
    CHECK(g.at("legal_time_limit_days").as_int64() > 0);
    CHECK(!g.at("steps").as_array().empty());
    CHECK(!g.at("halls").as_array().empty());
    const auto& fields = g.at("form").at("fields").as_array();
    bool has_required_select = false;
    for (const auto& f : fields) {
        has_required_select =
            has_required_select || (f.at("type") == "select" && f.at("required").as_bool() &&
                                    !f.at("options").as_array().empty());
    }
    CHECK(has_required_select);

    auto missing = c.Get("/v1/services/G9999");
    REQUIRE(missing);
    CHECK(missing->status == 404);
    CHECK(problem_slug(missing->body) == "service-not-found");
}

TEST_CASE("every answer carries X-Request-ID: the client's echoed, or a fresh one", "[server]") {
    TestServer srv;
    auto c = srv.client();
    auto echoed = c.Get("/v1/city", {{"X-Request-ID", "test-req-42"}});
    REQUIRE(echoed);
    CHECK(echoed->get_header_value("X-Request-ID") == "test-req-42");
    auto fresh = c.Get("/v1/nowhere");
    REQUIRE(fresh);
    CHECK(fresh->status == 404);
    CHECK(fresh->get_header_value("X-Request-ID").size() >= 16);
    CHECK(fresh->get_header_value("Content-Type") == "application/problem+json");
    auto p = parse(fresh->body).as_object();
    for (const char* k : {"type", "title", "status", "detail", "instance"}) {
        CHECK(p.contains(k));
    }
}

TEST_CASE("city lists districts, the eight categories, departments and the Open311 endpoint",
          "[server]") {
    TestServer srv;
    auto c = srv.client();
    auto city = parse(c.Get("/v1/city")->body).as_object();
    CHECK(city.at("categories").as_array().size() == 8);
    CHECK(city.at("districts").as_array().size() >= 10);
    CHECK(city.at("departments").as_array().size() >= 20);
    CHECK(city.at("open311").at("endpoint") == "/open311/v2/");
}

TEST_CASE("the same seed gives the same citizen data and feed on two servers", "[server]") {
    auto snapshot = [] {
        TestServer srv([](auto& o) { o.seed = 99; });
        auto c = srv.client();
        auto token = srv.login();
        auto bills = parse(c.Get("/v1/bills?status=all", bearer(token))->body).at("bills");
        auto feed = parse(c.Get("/open311/v2/requests.json")->body);
        std::string out;
        for (const auto& b : bills.as_array()) {
            out += std::string(b.at("id").as_string()) +
                   std::to_string(b.at("amount_fen").as_int64()) + ";";
        }
        for (const auto& r : feed.as_array()) {
            out += std::string(r.at("service_code").as_string()) +
                   std::string(r.at("description").as_string()) + ";";
        }
        return out;
    };
    auto first = snapshot();
    CHECK(first.size() > 1000);
    CHECK(first == snapshot());
}
