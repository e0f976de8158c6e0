#include "app/station_hours.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numbers>

namespace cd::app {

std::string CityClock::date() const {
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02d-%02d", year, month, day);
    return text;
}

CityClock city_clock(std::chrono::system_clock::time_point now) {
    using namespace std::chrono;
    const auto local = floor<minutes>(now) + hours(8);
    const auto day = floor<days>(local);
    const year_month_day ymd{day};
    CityClock clock;
    clock.year = int(ymd.year());
    clock.month = int(unsigned(ymd.month()));
    clock.day = int(unsigned(ymd.day()));
    clock.weekday = int(weekday(day).iso_encoding());
    clock.minute_of_day = int((local - day).count());
    return clock;
}

int minutes_from_hhmm(const std::string& hhmm) {
    int h = 0;
    int m = 0;
    char tail = 0;
    if (hhmm.size() != 5 || std::sscanf(hhmm.c_str(), "%2d:%2d%c", &h, &m, &tail) != 2 || h < 0 ||
        h > 24 || m < 0 || m > 59) {
        return -1;
    }
    return h * 60 + m;
}

bool open_at(const std::vector<api::OpeningPeriod>& hours, const CityClock& clock) {
    return std::any_of(hours.begin(), hours.end(), [&](const api::OpeningPeriod& p) {
        const int open = minutes_from_hhmm(p.open);
        const int close = minutes_from_hhmm(p.close);
        return p.weekday == clock.weekday && open >= 0 && close >= 0 &&
               open <= clock.minute_of_day && clock.minute_of_day < close;
    });
}

std::vector<HoursSpan> hours_spans(std::vector<api::OpeningPeriod> hours) {
    std::sort(hours.begin(), hours.end(),
              [](const auto& a, const auto& b) { return a.weekday < b.weekday; });
    std::vector<HoursSpan> spans;
    for (const auto& p : hours) {
        if (!spans.empty() && spans.back().last_weekday + 1 == p.weekday &&
            spans.back().open == p.open && spans.back().close == p.close) {
            spans.back().last_weekday = p.weekday;
        } else {
            spans.push_back({p.weekday, p.weekday, p.open, p.close});
        }
    }
    return spans;
}

double distance_km(double lat1, double lon1, double lat2, double lon2) {
    constexpr double radius_km = 6371.0;
    const auto rad = [](double deg) {
        return deg * std::numbers::pi / 180.0;
    };
    const double dlat = rad(lat2 - lat1);
    const double dlon = rad(lon2 - lon1);
    const double a =
        std::sin(dlat / 2) * std::sin(dlat / 2) +
        std::cos(rad(lat1)) * std::cos(rad(lat2)) * std::sin(dlon / 2) * std::sin(dlon / 2);
    return 2 * radius_km * std::asin(std::min(1.0, std::sqrt(a)));
}

} // namespace cd::app
