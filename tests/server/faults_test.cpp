#include "catch.hpp"
#include "server_fixture.h"

using namespace cd::test;

namespace {

void install(httplib::Client& c, const json::array& rules, int seed = 1) {
    auto res = c.Post("/_faults", json::serialize(json::object{{"seed", seed}, {"rules", rules}}),
                      "application/json");
    REQUIRE(res);
    REQUIRE(res->status == 200);
}

int counter(httplib::Client& c, const std::string& key) {
    auto snap = parse(c.Get("/_faults")->body).as_object();
    const auto* v = snap.at("counters").as_object().if_contains(key);
    return v ? static_cast<int>(v->as_int64()) : 0;
}

} // namespace

TEST_CASE("without the flag there is no fault control endpoint", "[server]") {
    TestServer srv;
    auto c = srv.client();
    auto res = c.Get("/_faults");
    REQUIRE(res);
    CHECK(res->status == 404);
}

TEST_CASE("an error fault answers with its status for the first N requests only", "[server]") {
    TestServer srv([](auto& o) { o.faults = true; });
    auto c = srv.client();
    install(c, {{{"path_prefix", "/v1/city"}, {"fault", "error"}, {"status", 503}, {"times", 2}}});
    CHECK(c.Get("/v1/city")->status == 503);
    CHECK(c.Get("/v1/city")->status == 503);
    CHECK(c.Get("/v1/city")->status == 200);
    CHECK(c.Get("/v1/life/news")->status == 200);
    CHECK(counter(c, "GET /v1/city") == 3);
    REQUIRE(c.Delete("/_faults")->status == 204);
    CHECK(counter(c, "GET /v1/city") == 0);
}

TEST_CASE("a throttle fault is 429 with Retry-After", "[server]") {
    TestServer srv([](auto& o) { o.faults = true; });
    auto c = srv.client();
    install(c, {{{"path_prefix", "/v1/"}, {"fault", "throttle"}, {"retry_after", 3}}});
    auto res = c.Get("/v1/city");
    REQUIRE(res);
    CHECK(res->status == 429);
    CHECK(res->get_header_value("Retry-After") == "3");
    CHECK(problem_slug(res->body) == "rate-limited");
}

TEST_CASE("drop, truncate and malformed faults break the answer as named", "[server]") {
    TestServer srv([](auto& o) { o.faults = true; });
    auto c = srv.client();
    install(c, {{{"path_prefix", "/v1/city"}, {"fault", "drop"}},
                {{"path_prefix", "/v1/life/news"}, {"fault", "truncate"}},
                {{"path_prefix", "/v1/halls"}, {"fault", "malformed"}}});
    auto dropped = c.Get("/v1/city");
    CHECK_FALSE(dropped); // no response at all

    auto truncated = c.Get("/v1/life/news");
    // Content-Length promised more than arrived: the client reports an error.
    CHECK_FALSE(truncated);

    auto malformed = c.Get("/v1/halls");
    REQUIRE(malformed);
    CHECK(malformed->status == 200);
    json::error_code ec;
    json::parse(malformed->body, ec);
    CHECK(ec);

    install(c, {{{"path_prefix", "/v1/catalog"}, {"fault", "malformed"}}});
    auto catalog = c.Get("/v1/catalog", {{"Accept-Encoding", "gzip"}});
    REQUIRE(catalog); // still a readable answer: the JSON is broken, not the transfer
    json::error_code ec2;
    json::parse(catalog->body, ec2);
    CHECK(ec2);
}

TEST_CASE("a latency fault still answers and counts its hits", "[server]") {
    TestServer srv([](auto& o) { o.faults = true; });
    auto c = srv.client();
    install(c, {{{"path_prefix", "/v1/city"}, {"fault", "latency"}, {"latency_ms", 50}}});
    CHECK(c.Get("/v1/city")->status == 200);
    auto snap = parse(c.Get("/_faults")->body).as_object();
    CHECK(snap.at("rules").as_array().at(0).at("hits").as_int64() == 1);
}

TEST_CASE("a fault rate is deterministic for a seed", "[server]") {
    auto pattern = [](int seed) {
        TestServer srv([](auto& o) { o.faults = true; });
        auto c = srv.client();
        install(c, {{{"path_prefix", "/v1/city"}, {"fault", "error"}, {"rate", 0.5}}}, seed);
        std::string p;
        for (int i = 0; i < 16; ++i) {
            p += c.Get("/v1/city")->status == 200 ? '.' : 'x';
        }
        return p;
    };
    auto a = pattern(11);
    CHECK(a == pattern(11));
    CHECK(a.find('x') != std::string::npos);
    CHECK(a.find('.') != std::string::npos);
}

TEST_CASE("invalid fault rules are refused with a problem", "[server]") {
    TestServer srv([](auto& o) { o.faults = true; });
    auto c = srv.client();
    auto res = c.Post("/_faults", R"({"rules":[{"fault":"explode"}]})", "application/json");
    REQUIRE(res);
    CHECK(res->status == 422);
}
