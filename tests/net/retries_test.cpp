// Which answers the real client retries, counted on the server's side.
#include "catch.hpp"

#include "fixture_server.h"
#include "http_test_support.h"

using namespace cd;
using namespace cd::test;

TEST_CASE("a GET answered 500 or 503 is retried up to max_attempts", "[net][retry]") {
    FixtureServer server;
    server.route("/500", Reply{.status = 500, .body = "boom"});
    server.route("/503", Reply{.status = 503});
    auto config = fast_config();
    config.retry.max_attempts = 3;
    net::CurlHttpClient client(config);
    for (const std::string path : {"/500", "/503"}) {
        auto r = fetch(client, get(server.url(path)));
        REQUIRE(r.ok()); // an answer, though an error status
        CHECK_FALSE(r->ok());
        CHECK(r->attempts == 3);
        CHECK(server.count(path) == 3);
        const auto e = net::status_error(*r);
        CHECK(e.kind == ErrorKind::http_status);
        CHECK(e.retryable);
        CHECK(e.request_id == r->request_id);
    }
    CHECK(fetch(client, get(server.url("/500")))->body == "boom");
}

TEST_CASE("a GET that recovers returns the good answer", "[net][retry]") {
    FixtureServer server;
    server.route_sequence("/recover", {Reply{.status = 503}, Reply{.status = 502},
                                       Reply{.status = 200, .body = "fine"}});
    net::CurlHttpClient client(fast_config());
    auto r = fetch(client, get(server.url("/recover")));
    REQUIRE(r.ok());
    CHECK(r->status == 200);
    CHECK(r->body == "fine");
    CHECK(r->attempts == 3);
}

TEST_CASE("a POST without Idempotency-Key is sent once but with one it is retried",
          "[net][retry]") {
    FixtureServer server;
    server.route("/pay", Reply{.status = 503});
    server.route("/pay-keyed", Reply{.status = 503});
    auto config = fast_config();
    config.retry.max_attempts = 3;
    net::CurlHttpClient client(config);
    auto plain = fetch(client, post(server.url("/pay"), "{}"));
    REQUIRE(plain.ok());
    CHECK(plain->status == 503);
    CHECK(server.count("/pay") == 1);

    auto keyed = post(server.url("/pay-keyed"), "{}");
    keyed.idempotency_key = "6f1c2a";
    auto r = fetch(client, keyed);
    REQUIRE(r.ok());
    CHECK(server.count("/pay-keyed") == 3);
    for (const auto& seen : server.received("/pay-keyed")) {
        CHECK(seen.headers.at("idempotency-key") == "6f1c2a");
    }
}

TEST_CASE("400 and 404 and 422 are never retried but 408 and 429 are", "[net][retry]") {
    FixtureServer server;
    for (int status : {400, 404, 422, 408, 429}) {
        server.route("/s" + std::to_string(status), Reply{.status = status});
    }
    auto config = fast_config();
    config.retry.max_attempts = 2;
    net::CurlHttpClient client(config);
    for (int status : {400, 404, 422}) {
        const auto path = "/s" + std::to_string(status);
        auto r = fetch(client, get(server.url(path)));
        REQUIRE(r.ok());
        CHECK(r->status == status);
        CHECK(server.count(path) == 1);
        CHECK_FALSE(net::status_error(*r).retryable);
    }
    for (int status : {408, 429}) {
        const auto path = "/s" + std::to_string(status);
        auto r = fetch(client, get(server.url(path)));
        REQUIRE(r.ok());
        CHECK(server.count(path) == 2);
    }
}

TEST_CASE("Retry-After sets the wait before the retry", "[net][retry]") {
    FixtureServer server;
    server.route_sequence("/limited", {Reply{.status = 429, .headers = {{"Retry-After", "1"}}},
                                       Reply{.status = 200, .body = "ok"}});
    server.route("/too-long", Reply{.status = 503, .headers = {{"Retry-After", "3600"}}});
    auto config = fast_config();
    std::vector<net::RetryEvent> events;
    std::mutex m;
    config.on_retry = [&](const net::RetryEvent& e) {
        std::lock_guard lock(m);
        events.push_back(e);
    };
    net::CurlHttpClient client(config);
    auto r = fetch(client, get(server.url("/limited")));
    REQUIRE(r.ok());
    CHECK(r->status == 200);
    {
        std::lock_guard lock(m);
        REQUIRE(events.size() == 1);
        CHECK(events[0].delay == std::chrono::milliseconds(1000));
        CHECK(events[0].reason == "Retry-After");
        CHECK(events[0].failed_attempt == 1);
    }
    // The server saw the retry no sooner than it asked for (a lower bound, never an upper one).
    const auto seen = server.received("/limited");
    REQUIRE(seen.size() == 2);
    CHECK(seen[1].at - seen[0].at >= std::chrono::milliseconds(990));

    // An hour's Retry-After is not waited for: the 503 comes back at once.
    auto long_wait = fetch(client, get(server.url("/too-long")));
    REQUIRE(long_wait.ok());
    CHECK(long_wait->status == 503);
    CHECK(server.count("/too-long") == 1);
}
