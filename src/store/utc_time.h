// UTC timestamps as the vault stores them: ISO 8601 "2026-11-28T12:34:56Z". Fixed width, so
// text order is time order (the ledger's keyset paging relies on it).
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace cd::store {

std::string to_utc_iso8601(std::chrono::system_clock::time_point t);
// Accepts exactly the form above.
std::optional<std::chrono::system_clock::time_point> parse_utc_iso8601(std::string_view text);
// "20261128T123456Z", for file names.
std::string compact_utc_stamp(std::chrono::system_clock::time_point t);

} // namespace cd::store
