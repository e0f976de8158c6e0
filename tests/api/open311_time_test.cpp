// Open311 date-times with offsets read as instants (a city in UTC+8 and one in UTC-5 writing
// the same moment), and written back as UTC text that sorts as the instants do.
#include "catch.hpp"

#include "api/open311_time.h"

using namespace cd::api::open311;

TEST_CASE("W3C date-times with offsets are read as instants", "[api][open311]") {
    const auto utc = parse_datetime("2026-10-02T01:12:00Z");
    REQUIRE(utc);
    CHECK(parse_datetime("2026-10-02T09:12:00+08:00") == utc);
    CHECK(parse_datetime("2026-10-01T20:12:00-05:00") == utc);
    CHECK(parse_datetime("2026-10-01T20:12:00.250-05:00") == utc);
    CHECK(parse_datetime("2026-10-02T09:12:00+0800") == utc);
    CHECK(parse_datetime("2026-10-02T01:12:00") == utc); // no offset: UTC
    CHECK(utc_text(*utc) == "2026-10-02T01:12:00Z");
    CHECK(normalized_utc("2026-10-02T09:12:00+08:00") == "2026-10-02T01:12:00Z");
    CHECK(normalized_utc("2026-01-01T03:00:00+08:00") == "2025-12-31T19:00:00Z");
    for (const char* bad :
         {"", "yesterday", "2026-13-01T00:00:00Z", "2026-02-30", "2026-10-02T25:00:00Z",
          "2026-10-02T09:12:00+8", "2026-10-02T09:12:00 CST"}) {
        INFO(bad);
        CHECK_FALSE(parse_datetime(bad));
        CHECK(normalized_utc(bad).empty());
    }
}

TEST_CASE("times in different offsets sort as instants once normalised", "[api][open311]") {
    // As text "2026-10-02T09:12:00+08:00" sorts after "2026-10-02T02:00:00-05:00", though it is
    // six hours earlier.
    const auto east = normalized_utc("2026-10-02T09:12:00+08:00");
    const auto west = normalized_utc("2026-10-02T02:00:00-05:00");
    CHECK(east < west);
}
