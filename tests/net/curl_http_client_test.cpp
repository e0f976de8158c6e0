// The real client against loopback servers: answers, timeouts and broken transfers.
#include "catch.hpp"

#include "fixture_server.h"
#include "http_test_support.h"
#include "net/headers.h"

#include <set>

using namespace cd;
using namespace cd::test;
using std::chrono::milliseconds;

TEST_CASE("a GET returns status and headers and body", "[net][http]") {
    FixtureServer server;
    server.route("/hello", Reply{.status = 200,
                                 .body = "{\"hi\":1}",
                                 .content_type = "application/json",
                                 .headers = {{"X-Extra", "yes"}}});
    net::CurlHttpClient client(fast_config());
    auto r = fetch(client, get(server.url("/hello")));
    REQUIRE(r.ok());
    CHECK(r->status == 200);
    CHECK(r->body == "{\"hi\":1}");
    CHECK(r->headers.get("content-type") == "application/json");
    CHECK(r->headers.get("x-extra") == "yes");
    CHECK(r->bytes == 8);
    CHECK(r->attempts == 1);
    CHECK_FALSE(r->from_cache);
    CHECK(r->request_id.size() == 16);
}

TEST_CASE("requests reuse the connection and accept compressed answers", "[net][http]") {
    FixtureServer server;
    // cpp-httplib gzips text answers when the client offers it; libcurl decodes them.
    server.route("/text", Reply{.body = std::string(5000, 'z')});
    net::CurlHttpClient client(fast_config());
    auto first = fetch(client, get(server.url("/text")));
    auto second = fetch(client, get(server.url("/text")));
    REQUIRE(first.ok());
    REQUIRE(second.ok());
    CHECK(second->body == std::string(5000, 'z'));
    const auto seen = server.received("/text");
    REQUIRE(seen.size() == 2);
    CHECK(seen[0].remote_port == seen[1].remote_port);
    CHECK(seen[0].headers.at("accept-encoding").find("gzip") != std::string::npos);
}

TEST_CASE("a POST sends its body and headers", "[net][http]") {
    FixtureServer server;
    server.route("/submit", Reply{.status = 201, .body = "created"});
    net::CurlHttpClient client(fast_config());
    auto request = post(server.url("/submit"), "{\"a\":\"\xE4\xBD\xA0\"}");
    request.idempotency_key = "key-123";
    auto r = fetch(client, request);
    REQUIRE(r.ok());
    CHECK(r->status == 201);
    const auto seen = server.received("/submit");
    REQUIRE(seen.size() == 1);
    CHECK(seen[0].method == "POST");
    CHECK(seen[0].body == "{\"a\":\"\xE4\xBD\xA0\"}");
    CHECK(seen[0].headers.at("content-type") == "application/json");
    CHECK(seen[0].headers.at("idempotency-key") == "key-123");
    CHECK(seen[0].headers.count("expect") == 0);
}

TEST_CASE("PUT and DELETE and HEAD use their methods", "[net][http]") {
    FixtureServer server;
    server.route("/thing", Reply{.status = 200, .body = "ok"});
    net::CurlHttpClient client(fast_config());
    auto put = get(server.url("/thing"));
    put.method = net::Method::put;
    put.body = "x=1";
    REQUIRE(fetch(client, put).ok());
    auto del = get(server.url("/thing"));
    del.method = net::Method::del;
    REQUIRE(fetch(client, del).ok());
    auto head = get(server.url("/thing"));
    head.method = net::Method::head;
    auto h = fetch(client, head);
    REQUIRE(h.ok());
    CHECK(h->body.empty());
    const auto seen = server.received("/thing");
    REQUIRE(seen.size() == 3);
    CHECK(seen[0].method == "PUT");
    CHECK(seen[0].body == "x=1");
    CHECK(seen[1].method == "DELETE");
    CHECK(seen[2].method == "HEAD");
}

TEST_CASE("every request carries a unique X-Request-ID kept across retries", "[net][http]") {
    FixtureServer server;
    server.route("/id", Reply{.mode = Reply::Mode::echo});
    server.route_sequence("/flaky", {Reply{.status = 503}, Reply{.status = 200}});
    net::CurlHttpClient client(fast_config());
    std::set<std::string> ids;
    for (int i = 0; i < 5; ++i) {
        auto r = fetch(client, get(server.url("/id")));
        REQUIRE(r.ok());
        CHECK(r->body.find("x-request-id: " + r->request_id) != std::string::npos);
        ids.insert(r->request_id);
    }
    CHECK(ids.size() == 5);

    auto r = fetch(client, get(server.url("/flaky")));
    REQUIRE(r.ok());
    CHECK(r->attempts == 2);
    const auto seen = server.received("/flaky");
    REQUIRE(seen.size() == 2);
    CHECK(seen[0].headers.at("x-request-id") == r->request_id);
    CHECK(seen[1].headers.at("x-request-id") == r->request_id);
}

TEST_CASE("a slow answer hits the total timeout", "[net][http][timeout]") {
    FixtureServer server;
    server.route("/slow", Reply{.body = "late", .delay = milliseconds(3000)});
    auto config = fast_config();
    config.retry.max_attempts = 1;
    net::CurlHttpClient client(config);
    auto request = get(server.url("/slow"));
    request.timeouts = net::Timeouts{};
    request.timeouts->total = milliseconds(300);
    auto r = fetch(client, request);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().kind == ErrorKind::timeout);
    CHECK(r.error().retryable);
    CHECK_FALSE(r.error().request_id.empty());
}

TEST_CASE("a stalled body hits the low-speed limit", "[net][http][timeout]") {
    FixtureServer server;
    server.route("/stall", Reply{.body = std::string(4096, 'x'), .mode = Reply::Mode::stall});
    auto config = fast_config();
    config.retry.max_attempts = 1;
    config.timeouts.total = milliseconds(20'000); // the low-speed limit must be what stops it
    config.timeouts.low_speed_bytes = 100;
    config.timeouts.low_speed_time = std::chrono::seconds(1);
    net::CurlHttpClient client(config);
    auto r = fetch(client, get(server.url("/stall")));
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().kind == ErrorKind::timeout);
}

TEST_CASE("a closed port is a network error", "[net][http]") {
    auto config = fast_config();
    config.retry.max_attempts = 2;
    net::CurlHttpClient client(config);
    auto r = fetch(client, get("http://127.0.0.1:" + std::to_string(closed_port()) + "/x"));
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().kind == ErrorKind::network);
    CHECK(r.error().retryable);
}

TEST_CASE("a dropped connection is a network error retried for a GET", "[net][http]") {
    RawServer raw("");
    auto config = fast_config();
    config.retry.max_attempts = 3;
    net::CurlHttpClient client(config);
    auto r = fetch(client, get(raw.url("/drop")));
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().kind == ErrorKind::network);
    CHECK(raw.connections() == 3);
}

TEST_CASE("malformed bytes instead of HTTP are a protocol error", "[net][http]") {
    RawServer raw(std::string("\x01\x02garbage\xff\xfe\r\n\r\n", 15));
    net::CurlHttpClient client(fast_config());
    auto r = fetch(client, get(raw.url("/bad")));
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().kind == ErrorKind::protocol);
    CHECK_FALSE(r.error().retryable);
    CHECK(raw.connections() == 1);
}

TEST_CASE("a truncated body is a retryable protocol error", "[net][http]") {
    FixtureServer server;
    server.route(
        "/cut",
        Reply{.body = std::string(1000, 'a'), .mode = Reply::Mode::truncate, .truncate_at = 100});
    auto config = fast_config();
    config.retry.max_attempts = 2;
    net::CurlHttpClient client(config);
    auto r = fetch(client, get(server.url("/cut")));
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().kind == ErrorKind::protocol);
    CHECK(r.error().retryable);
    CHECK(r.error().detail.find("truncated") != std::string::npos);
    CHECK(server.count("/cut") == 2);
}

TEST_CASE("a Content-Length past 64 bits is refused as over the cap, not taken for none",
          "[net][http]") {
    RawServer raw("HTTP/1.1 200 OK\r\nContent-Length: 99999999999999999999999\r\n\r\nabc");
    auto config = fast_config();
    config.max_body_bytes = 1000;
    net::CurlHttpClient client(config);
    auto r = fetch(client, get(raw.url("/huge")));
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().kind == ErrorKind::protocol);
    CHECK(r.error().detail.find("larger than the limit of 1000 bytes") != std::string::npos);
}

TEST_CASE("Content-Length values are digits only", "[net][http]") {
    CHECK(net::parse_content_length("0") == 0u);
    CHECK(net::parse_content_length("1234") == 1234u);
    CHECK(net::parse_content_length("18446744073709551615") == UINT64_MAX);
    CHECK(net::parse_content_length("18446744073709551616") == UINT64_MAX);
    CHECK_FALSE(net::parse_content_length(""));
    CHECK_FALSE(net::parse_content_length("-5"));
    CHECK_FALSE(net::parse_content_length("12abc"));
    CHECK_FALSE(net::parse_content_length("1 2"));
}

TEST_CASE("a body over the cap is refused with or without Content-Length", "[net][http]") {
    FixtureServer server;
    server.route("/big", Reply{.body = std::string(10'000, 'b')});
    server.route("/big-chunked",
                 Reply{.body = std::string(10'000, 'b'), .mode = Reply::Mode::chunked});
    auto config = fast_config();
    config.max_body_bytes = 1000;
    net::CurlHttpClient client(config);
    auto r = fetch(client, get(server.url("/big")));
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().kind == ErrorKind::protocol);
    CHECK(r.error().detail.find("larger than the limit of 1000 bytes") != std::string::npos);
    CHECK(server.count("/big") == 1); // not retried: it would be as large again
    auto chunked = fetch(client, get(server.url("/big-chunked")));
    REQUIRE_FALSE(chunked.ok());
    CHECK(chunked.error().kind == ErrorKind::protocol);
    CHECK(chunked.error().detail.find("larger than the limit") != std::string::npos);

    // A body within the cap passes.
    config.max_body_bytes = 10'000;
    client.configure(config);
    auto fits = fetch(client, get(server.url("/big")));
    REQUIRE(fits.ok());
    CHECK(fits->body.size() == 10'000);
}
