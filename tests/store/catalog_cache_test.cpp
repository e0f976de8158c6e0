#include "store/catalog_cache.h"

#include "store_test_support.h"

#include "catch.hpp"

using namespace cd;
using namespace cd::store;

TEST_CASE("CatalogCache keeps the latest catalog with its version and ETag") {
    test::OpenVault v;
    CatalogCache cache(v.vault);
    CHECK_FALSE(cache.load()->has_value());
    const std::string body("{\"services\":[]}\0binary-safe", 27);
    REQUIRE(cache.store({"2026.11.1", "\"abc\"", body, "2026-11-28T01:00:00Z"}).ok());
    REQUIRE(cache.store({"2026.11.2", "\"def\"", body + "!", ""}).ok());
    auto loaded = cache.load();
    REQUIRE(loaded->has_value());
    CHECK((*loaded)->version == "2026.11.2");
    CHECK((*loaded)->etag == "\"def\"");
    CHECK((*loaded)->body == body + "!");
    CHECK((*loaded)->stored_utc.size() == 20);
}

TEST_CASE("VaultEtagStore answers the net layer's conditional-request questions") {
    test::OpenVault v;
    VaultEtagStore etags(v.vault);
    EtagStore& store = etags;
    const std::string url = "https://platform.example/api/v1/catalog";
    CHECK_FALSE(store.etag_for(url).has_value());
    REQUIRE(store.store_etag(url, "W/\"v1\"", "body one").ok());
    REQUIRE(store.store_etag(url, "W/\"v2\"", "body two").ok());
    CHECK(store.etag_for(url) == "W/\"v2\"");
    CHECK(store.body_for(url) == "body two");
    CHECK_FALSE(store.etag_for(url + "?page=2").has_value());
    v.vault.lock();
    CHECK_FALSE(store.etag_for(url).has_value()); // locked: go unconditional
    CHECK(store.store_etag(url, "x", "y").error().kind == ErrorKind::auth);
}
