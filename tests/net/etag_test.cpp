// Conditional GETs: the second request sends If-None-Match and a 304 is served from the cache.
#include "catch.hpp"

#include "fixture_server.h"
#include "http_test_support.h"

using namespace cd;
using namespace cd::test;

TEST_CASE("a cacheable GET revalidates with If-None-Match and a 304 is served from cache",
          "[net][etag]") {
    FixtureServer server;
    server.route("/catalog", Reply{.body = "{\"version\":7}", .etag = "\"v7\""});
    auto cache = std::make_shared<net::MemoryEtagCache>();
    auto config = fast_config();
    config.etag_cache = cache;
    net::CurlHttpClient client(config);
    auto request = get(server.url("/catalog"));
    request.cacheable = true;

    auto first = fetch(client, request);
    REQUIRE(first.ok());
    CHECK(first->status == 200);
    CHECK_FALSE(first->from_cache);
    CHECK(cache->size() == 1);

    auto second = fetch(client, request);
    REQUIRE(second.ok());
    CHECK(second->status == 200);
    CHECK(second->from_cache);
    CHECK(second->body == "{\"version\":7}");
    CHECK(second->bytes == 0); // nothing came over the wire

    const auto seen = server.received("/catalog");
    REQUIRE(seen.size() == 2);
    CHECK(seen[0].headers.count("if-none-match") == 0);
    CHECK(seen[1].headers.at("if-none-match") == "\"v7\"");
}

TEST_CASE("a changed entity replaces the cached one", "[net][etag]") {
    FixtureServer server;
    server.route("/catalog", Reply{.body = "old", .etag = "\"a\""});
    auto cache = std::make_shared<net::MemoryEtagCache>();
    auto config = fast_config();
    config.etag_cache = cache;
    net::CurlHttpClient client(config);
    auto request = get(server.url("/catalog"));
    request.cacheable = true;
    REQUIRE(fetch(client, request).ok());
    server.route("/catalog", Reply{.body = "new", .etag = "\"b\""});
    auto changed = fetch(client, request);
    REQUIRE(changed.ok());
    CHECK_FALSE(changed->from_cache);
    CHECK(changed->body == "new");
    CHECK(cache->lookup(request.url)->etag == "\"b\"");
}

TEST_CASE("a request not marked cacheable neither sends nor stores an ETag", "[net][etag]") {
    FixtureServer server;
    server.route("/bills", Reply{.body = "private", .etag = "\"x\""});
    auto cache = std::make_shared<net::MemoryEtagCache>();
    auto config = fast_config();
    config.etag_cache = cache;
    net::CurlHttpClient client(config);
    REQUIRE(fetch(client, get(server.url("/bills"))).ok());
    REQUIRE(fetch(client, get(server.url("/bills"))).ok());
    CHECK(cache->size() == 0);
    CHECK(server.received("/bills")[1].headers.count("if-none-match") == 0);
}
