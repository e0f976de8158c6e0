// What the client writes to the support log: request lines, never credentials or headers.
#include "catch.hpp"

#include "fixture_server.h"
#include "http_test_support.h"

using namespace cd;
using namespace cd::test;

TEST_CASE("proxy credentials and Authorization never reach the log", "[net][log]") {
    FixtureServer target;
    FixtureServer proxy; // a plain HTTP proxy receives the absolute URL as its target
    const std::string absolute = target.url("/v1/bills?page=2&id_card=110101199003071234");
    const std::string proxied_path = target.url("/v1/bills"); // the target without its query
    proxy.route(proxied_path, Reply{.body = "via proxy"});

    CapturedLog log(diag::Level::trace);
    auto config = fast_config();
    config.proxy = net::ProxySettings{proxy.url(""), "proxyuser", "Pr0xyPa55w0rd"};
    config.no_proxy = "no.such.host.invalid"; // "" would mean the environment's no_proxy
    net::CurlHttpClient client(config);
    auto request = get(absolute);
    request.headers.set("Authorization", "Bearer eyJhbGciOiJIUzI1NiJ9.c2VjcmV0.dG9rZW4");
    auto r = fetch(client, request);
    REQUIRE(r.ok());
    CHECK(r->body == "via proxy");

    // The proxy was used, with the credentials.
    const auto seen = proxy.received(proxied_path);
    REQUIRE(seen.size() == 1);
    CHECK(seen[0].headers.count("proxy-authorization") == 1);
    CHECK(seen[0].headers.at("authorization").find("eyJhbGciOiJIUzI1NiJ9") != std::string::npos);

    const std::string text = log.sink->all();
    CHECK(text.find(r->request_id) != std::string::npos); // the exchange was logged
    CHECK(text.find("/v1/bills?page=2&id_card=***") != std::string::npos);
    CHECK(text.find("Pr0xyPa55w0rd") == std::string::npos);
    CHECK(text.find("proxyuser") == std::string::npos);
    CHECK(text.find("eyJhbGciOiJIUzI1NiJ9") == std::string::npos);
    CHECK(text.find("Authorization") == std::string::npos);
    CHECK(text.find("110101199003071234") == std::string::npos);
}

TEST_CASE("a logged request line names method and path and status and bytes and attempt",
          "[net][log]") {
    FixtureServer server;
    server.route("/v1/services", Reply{.body = "12345"});
    CapturedLog log(diag::Level::debug);
    net::CurlHttpClient client(fast_config());
    auto r = fetch(client, get(server.url("/v1/services?limit=5&q=water")));
    REQUIRE(r.ok());
    const std::string text = log.sink->all();
    CHECK(text.find("GET 127.0.0.1:" + std::to_string(server.port()) +
                    "/v1/services?limit=5&q=*** -> 200 5 B in ") != std::string::npos);
    CHECK(text.find("attempt 1 id=" + r->request_id) != std::string::npos);
}
