// Platform and ledger timestamps ("2026-11-28T06:03:00Z") as the citizen's clock shows them.
#pragma once

#include <chrono>
#include <functional>
#include <string>

namespace cd::app {

// The local clock's offset from UTC at `at`, in minutes (480 in China).
int local_utc_offset_minutes(std::chrono::system_clock::time_point at);

// "2026-11-28 14:03" in local time for a UTC timestamp ("2026-11-28T06:03:00Z"); the input
// unchanged when it is not one.
std::string local_time_text(const std::string& utc, int utc_offset_minutes);

// "09:12" for a time today, "2026-12-02 23:40" for another day (the time alone would mislead
// across midnight), both in local time by `utc_offset_minutes`.
std::string local_clock_text(
    std::chrono::system_clock::time_point at, std::chrono::system_clock::time_point now,
    const std::function<int(std::chrono::system_clock::time_point)>& utc_offset_minutes);

} // namespace cd::app
