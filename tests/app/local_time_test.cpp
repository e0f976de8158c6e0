// Platform and ledger timestamps shown on the citizen's clock.
#include "catch.hpp"

#include "app/local_time.h"

using cd::app::local_time_text;

TEST_CASE("a UTC timestamp is shown in local time, across midnight and month ends", "[app]") {
    CHECK(local_time_text("2026-11-29T05:39:00Z", 480) == "2026-11-29 13:39");
    CHECK(local_time_text("2026-11-30T18:05:00Z", 480) == "2026-12-01 02:05");
    CHECK(local_time_text("2026-01-01T02:00:00Z", -300) == "2025-12-31 21:00");
    CHECK(local_time_text("2026-11-29T05:39:00Z", 0) == "2026-11-29 05:39");
}

TEST_CASE("text that is not a UTC timestamp is shown as it came", "[app]") {
    CHECK(local_time_text("", 480).empty());
    CHECK(local_time_text("tomorrow", 480) == "tomorrow");
    CHECK(local_time_text("2026-13-40T99:00:00Z", 480) == "2026-13-40T99:00:00Z");
}
