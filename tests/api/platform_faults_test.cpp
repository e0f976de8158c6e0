// Faults injected by the reference server (/_faults), seen through PlatformClient and the real
// CurlHttpClient: timeouts, retried 5xx counted server-side, dropped connections, truncated and
// malformed bodies, 429 with Retry-After.
#include "catch.hpp"
#include "platform_fixture.h"

#include <mutex>

using namespace cd;
using namespace cd::test;
namespace json = boost::json;

namespace {

json::object rule(const char* path, const char* fault) {
    return {{"path_prefix", path}, {"fault", fault}};
}

} // namespace

TEST_CASE("platform faults: an answer slower than the timeout is a timeout, retried",
          "[api][platform][faults]") {
    PlatformFixture f({}, [](net::HttpClientConfig& c) {
        c.timeouts.total = std::chrono::milliseconds(300);
        c.retry.max_attempts = 2;
    });
    auto r = rule("/v1/city", "latency");
    r["latency_ms"] = 900;
    f.faults({r});
    auto city = await<api::City>([&](auto d) { f.client->city(d); });
    REQUIRE_FALSE(city.ok());
    CHECK(city.error().kind == ErrorKind::timeout);
    CHECK(city.error().retryable);
    CHECK(f.counter("GET /v1/city") == 2);
}

TEST_CASE("platform faults: 503 is retried exactly as often as the policy allows",
          "[api][platform][faults]") {
    PlatformFixture f;
    auto r = rule("/v1/city", "error");
    r["status"] = 503;
    f.faults({r});
    auto city = await<api::City>([&](auto d) { f.client->city(d); });
    REQUIRE_FALSE(city.ok());
    CHECK(city.error().kind == ErrorKind::http_status);
    CHECK(city.error().http_status == 503);
    CHECK(city.error().retryable);
    CHECK(f.counter("GET /v1/city") == 3);
}

TEST_CASE("platform faults: two 500s then success is one successful call after 3 requests",
          "[api][platform][faults]") {
    PlatformFixture f;
    auto r = rule("/v1/life/news", "error");
    r["status"] = 500;
    r["times"] = 2;
    f.faults({r});
    auto news = await<api::NewsPage>([&](auto d) { f.client->news(3, 0, d); });
    REQUIRE(news.ok());
    CHECK(news->items.size() == 3);
    CHECK(f.counter("GET /v1/life/news") == 3);
}

TEST_CASE("platform faults: a dropped connection is a network error after the retries",
          "[api][platform][faults]") {
    PlatformFixture f;
    f.faults({rule("/v1/halls", "drop")});
    auto halls = await<std::vector<api::Hall>>([&](auto d) { f.client->halls("", d); });
    REQUIRE_FALSE(halls.ok());
    CHECK(halls.error().kind == ErrorKind::network);
    CHECK(f.counter("GET /v1/halls") == 3);
}

TEST_CASE("platform faults: a truncated body is never parsed, and retried, then an error",
          "[api][platform][faults]") {
    PlatformFixture f;
    auto r = rule("/v1/city", "truncate");
    r["times"] = 1;
    f.faults({r});
    auto once = await<api::City>([&](auto d) { f.client->city(d); });
    CHECK(once.ok()); // the retry got the whole answer
    CHECK(f.counter("GET /v1/city") == 2);

    f.clear_faults();
    f.faults({rule("/v1/city", "truncate")});
    auto always = await<api::City>([&](auto d) { f.client->city(d); });
    REQUIRE_FALSE(always.ok());
    INFO(always.error().log_line());
    CHECK(
        (always.error().kind == ErrorKind::protocol || always.error().kind == ErrorKind::network));
    CHECK(f.counter("GET /v1/city") == 3);
}

TEST_CASE("platform faults: malformed JSON is a protocol error naming the problem",
          "[api][platform][faults]") {
    PlatformFixture f;
    f.faults({rule("/v1/life/holidays", "malformed")});
    auto h = await<api::Holidays>([&](auto d) { f.client->holidays(2026, d); });
    REQUIRE_FALSE(h.ok());
    INFO(h.error().log_line());
    CHECK(h.error().kind == ErrorKind::protocol);
    CHECK(h.error().http_status == 200);
    CHECK_FALSE(h.error().request_id.empty());
    CHECK(h.error().detail.find("JSON") != std::string::npos);
    CHECK(f.counter("GET /v1/life/holidays/2026") == 1); // a 200 is an answer: not retried
}

TEST_CASE("platform faults: 429 with Retry-After waits as told, then succeeds",
          "[api][platform][faults]") {
    std::mutex mutex;
    std::vector<net::RetryEvent> retries;
    PlatformFixture f({}, [&](net::HttpClientConfig& c) {
        c.on_retry = [&](const net::RetryEvent& e) {
            std::lock_guard lock(mutex);
            retries.push_back(e);
        };
    });
    auto r = rule("/v1/city", "throttle");
    r["retry_after"] = 1;
    r["times"] = 1;
    f.faults({r});
    auto city = await<api::City>([&](auto d) { f.client->city(d); });
    REQUIRE(city.ok());
    CHECK(f.counter("GET /v1/city") == 2);
    std::lock_guard lock(mutex);
    REQUIRE(retries.size() == 1);
    CHECK(retries[0].reason == "Retry-After");
    CHECK(retries[0].delay == std::chrono::milliseconds(1'000));
}

TEST_CASE("platform faults: 429 with a Retry-After beyond the limit is returned, not waited",
          "[api][platform][faults]") {
    PlatformFixture f;
    auto r = rule("/v1/city", "throttle");
    r["retry_after"] = 120;
    f.faults({r});
    auto city = await<api::City>([&](auto d) { f.client->city(d); });
    REQUIRE_FALSE(city.ok());
    CHECK(city.error().http_status == 429);
    CHECK(city.error().problem_type.find("rate-limited") != std::string::npos);
    CHECK(f.counter("GET /v1/city") == 1);
}
