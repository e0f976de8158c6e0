// The city's clock and opening hours: what day and time it is in the city (UTC+8, no daylight
// saving), whether a place is open at that moment, its hours grouped for display, and how far
// two points are apart. Pure functions, used by the stations and holidays screens.
#pragma once

#include "api/platform_types.h"

#include <chrono>
#include <string>
#include <vector>

namespace cd::app {

struct CityClock {
    int year = 0;
    int month = 0;   // 1..12
    int day = 0;     // 1..31
    int weekday = 0; // 1 = Monday .. 7 = Sunday, as in api::OpeningPeriod
    int minute_of_day = 0;
    std::string date() const; // "2026-11-30"
};

// The city's time (China Standard Time, UTC+8) at `now`.
CityClock city_clock(std::chrono::system_clock::time_point now);

// "08:30" -> 510; -1 when malformed.
int minutes_from_hhmm(const std::string& hhmm);

// Open when some period for clock's weekday has open <= time < close.
bool open_at(const std::vector<api::OpeningPeriod>& hours, const CityClock& clock);

// Consecutive weekdays with the same hours, for "Mon–Fri 08:30–17:30".
struct HoursSpan {
    int first_weekday = 0;
    int last_weekday = 0;
    std::string open;
    std::string close;
    friend bool operator==(const HoursSpan&, const HoursSpan&) = default;
};
std::vector<HoursSpan> hours_spans(std::vector<api::OpeningPeriod> hours);

// Great-circle distance in kilometres (haversine, mean Earth radius 6371 km).
double distance_km(double lat1, double lon1, double lat2, double lon2);

} // namespace cd::app
