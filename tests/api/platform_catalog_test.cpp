// The catalog's conditional and incremental fetches: the HttpClient's EtagCache (a 304 on the
// wire, the body from the cache), the caller's own ETag (not modified), and ?since= deltas; a
// service guide fetched with its body and ETag, and revalidated (kept for offline forms).
#include "api/platform_parser.h"
#include "catch.hpp"
#include "platform_fixture.h"

using namespace cd;
using namespace cd::test;

TEST_CASE("platform catalog: the second fetch is a 304 answered from the EtagCache",
          "[api][platform][catalog]") {
    auto cache = std::make_shared<net::MemoryEtagCache>();
    PlatformFixture f({}, [&](net::HttpClientConfig& c) { c.etag_cache = cache; });
    auto first = await<api::CatalogFetch>([&](auto d) { f.client->catalog({}, d); });
    REQUIRE(first.ok());
    CHECK_FALSE(first->from_cache);
    CHECK(first->bytes > 100'000);
    CHECK(cache->size() == 1);

    auto second = await<api::CatalogFetch>([&](auto d) { f.client->catalog({}, d); });
    REQUIRE(second.ok());
    CHECK(second->from_cache);
    CHECK(second->bytes == 0);
    REQUIRE(second->catalog);
    CHECK(second->catalog->version == first->catalog->version);
    CHECK(second->catalog->services.size() == first->catalog->services.size());
    CHECK(f.counter("GET /v1/catalog") == 2); // both asked the server
}

TEST_CASE("platform catalog: the caller's current ETag gives not_modified",
          "[api][platform][catalog]") {
    PlatformFixture f;
    auto full = await<api::CatalogFetch>([&](auto d) { f.client->catalog({}, d); });
    REQUIRE(full.ok());
    const auto etag = full->catalog->etag;
    auto again = await<api::CatalogFetch>([&](auto d) { f.client->catalog({0, etag}, d); });
    REQUIRE(again.ok());
    CHECK(again->not_modified);
    CHECK_FALSE(again->catalog);
    CHECK(again->bytes == 0);

    auto stale = await<api::CatalogFetch>([&](auto d) { f.client->catalog({0, "\"old\""}, d); });
    REQUIRE(stale.ok());
    CHECK_FALSE(stale->not_modified);
    CHECK(stale->catalog);
}

TEST_CASE("platform catalog: since= gives only what changed after that version",
          "[api][platform][catalog]") {
    PlatformFixture f;
    auto full = await<api::CatalogFetch>([&](auto d) { f.client->catalog({}, d); });
    REQUIRE(full.ok());
    const auto version = full->catalog->version;
    REQUIRE(version > 1);

    auto delta = await<api::CatalogFetch>([&](auto d) { f.client->catalog({version - 1, ""}, d); });
    REQUIRE(delta.ok());
    REQUIRE(delta->catalog);
    CHECK(delta->catalog->since == version - 1);
    CHECK(delta->catalog->version == version);
    CHECK(delta->catalog->services.size() + delta->catalog->removed.size() > 0);
    CHECK(delta->catalog->services.size() < full->catalog->services.size());
    for (const auto& s : delta->catalog->services) {
        CHECK(s.version > version - 1);
    }
    CHECK(delta->bytes < full->bytes);

    auto none = await<api::CatalogFetch>([&](auto d) { f.client->catalog({version, ""}, d); });
    REQUIRE(none.ok());
    CHECK(none->catalog->services.empty());

    auto future = await<api::CatalogFetch>([&](auto d) {
        f.client->catalog({version + 5, ""}, d);
    });
    REQUIRE_FALSE(future.ok());
    CHECK(future.error().http_status == 400);
    CHECK(future.error().kind == ErrorKind::validation);
}

TEST_CASE("platform guide: fetched with its body and ETag, and not_modified for that ETag",
          "[api][platform][catalog]") {
    PlatformFixture f;
    auto first =
        await<api::GuideFetch>([&](auto d) { f.client->fetch_service_guide("G0002", "", d); });
    REQUIRE(first.ok());
    CHECK_FALSE(first->not_modified);
    REQUIRE(first->guide);
    CHECK(first->guide->service.id == "G0002");
    CHECK_FALSE(first->guide->form.fields.empty());
    CHECK_FALSE(first->etag.empty());
    // The body is the document itself: read again, it is the same guide (what the app keeps).
    auto reread = api::parse_service_guide(first->body);
    REQUIRE(reread.ok());
    CHECK(reread->form.fields.size() == first->guide->form.fields.size());
    CHECK(f.client->service_guide_url("G0002") == f.base_url() + "/v1/services/G0002");

    auto again = await<api::GuideFetch>(
        [&](auto d) { f.client->fetch_service_guide("G0002", first->etag, d); });
    REQUIRE(again.ok());
    CHECK(again->not_modified);
    CHECK_FALSE(again->guide);
    CHECK(again->body.empty());

    auto stale = await<api::GuideFetch>(
        [&](auto d) { f.client->fetch_service_guide("G0002", "\"old\"", d); });
    REQUIRE(stale.ok());
    CHECK_FALSE(stale->not_modified);
    CHECK(stale->guide);

    auto missing =
        await<api::GuideFetch>([&](auto d) { f.client->fetch_service_guide("G9999", "", d); });
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().http_status == 404);
}
