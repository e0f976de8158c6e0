#include "catch.hpp"
#include "store/utc_time.h"

using namespace cd::store;

TEST_CASE("UTC times written by the vault are read back to the second", "[store]") {
    const auto t = parse_utc_iso8601("2026-11-28T12:34:56Z");
    REQUIRE(t);
    CHECK(to_utc_iso8601(*t) == "2026-11-28T12:34:56Z");
}

// A fuzzer's find: a year past 2262 overflowed system_clock's nanoseconds (UBSan). Such a stamp
// is not one the vault wrote, so it is refused instead of wrapped around to a wrong time.
TEST_CASE("UTC times beyond what the clock can hold are refused, not wrapped", "[store]") {
    for (const char* far :
         {"2326-11-28T12:34:56Z", "9999-12-31T23:59:59Z", "2263-01-01T00:00:00Z"}) {
        INFO(far);
        CHECK_FALSE(parse_utc_iso8601(far));
    }
    CHECK(parse_utc_iso8601("2199-12-31T23:59:59Z"));
}

// A fuzzer's find: "23:59:60" was read as the next day's 00:00:00, a second spelling of one
// instant, and the ledger pages by comparing stamps as text.
TEST_CASE("a leap second is not a stamp the vault wrote", "[store]") {
    CHECK_FALSE(parse_utc_iso8601("1970-01-01T23:59:60Z"));
    CHECK(parse_utc_iso8601("1970-01-01T23:59:59Z"));
}
