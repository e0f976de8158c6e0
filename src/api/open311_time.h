// Open311 date-times are W3C (ISO 8601) with an offset: "2026-10-02T09:12:00+08:00",
// "2026-10-02T01:12:00Z", "2026-10-01T20:12:00.250-05:00". Cities send their own offset, so
// the text alone neither orders nor converts: these read it as an instant and write it back
// as UTC, which the screens show in local time and which sorts as text.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace cd::api::open311 {

// The instant, or nullopt when the text is not a W3C date-time (a date alone is midnight UTC;
// no offset at all is read as UTC; fractions of a second are dropped).
std::optional<std::chrono::sys_seconds> parse_datetime(std::string_view text);

// "2026-10-02T01:12:00Z".
std::string utc_text(std::chrono::sys_seconds instant);

// utc_text() of the parsed text; empty when it cannot be read.
std::string normalized_utc(std::string_view text);

} // namespace cd::api::open311
