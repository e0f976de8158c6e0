#include "app/local_time.h"

#include "store/utc_time.h"

#include <cstdio>
#include <ctime>

namespace cd::app {

using namespace std::chrono;

int local_utc_offset_minutes(system_clock::time_point at) {
    const std::time_t seconds = system_clock::to_time_t(at);
    std::tm local{};
    std::tm utc{};
#ifdef _WIN32
    localtime_s(&local, &seconds);
    gmtime_s(&utc, &seconds);
#else
    localtime_r(&seconds, &local);
    gmtime_r(&seconds, &utc);
#endif
    // Both broken-down times read as if UTC: their difference is the offset.
    const auto as_minutes = [](const std::tm& t) {
        const sys_days date = year{t.tm_year + 1900} / month{static_cast<unsigned>(t.tm_mon + 1)} /
                              day{static_cast<unsigned>(t.tm_mday)};
        return date.time_since_epoch().count() * 1440LL + t.tm_hour * 60LL + t.tm_min;
    };
    return static_cast<int>(as_minutes(local) - as_minutes(utc));
}

std::string local_time_text(const std::string& utc, int utc_offset_minutes) {
    auto t = store::parse_utc_iso8601(utc);
    if (!t) {
        return utc;
    }
    const auto local = floor<minutes>(*t + minutes(utc_offset_minutes));
    const auto day = floor<days>(local);
    const year_month_day ymd{day};
    const hh_mm_ss hms{local - day};
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u %02d:%02d", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                  static_cast<int>(hms.hours().count()), static_cast<int>(hms.minutes().count()));
    return buf;
}

std::string local_clock_text(system_clock::time_point at, system_clock::time_point now,
                             const std::function<int(system_clock::time_point)>& offset) {
    const auto local = floor<minutes>(at + minutes(offset(at)));
    const auto today = floor<days>(now + minutes(offset(now)));
    const auto day = floor<days>(local);
    const hh_mm_ss hms{local - day};
    char text[32];
    if (day == today) {
        std::snprintf(text, sizeof text, "%02d:%02d", int(hms.hours().count()),
                      int(hms.minutes().count()));
    } else {
        const year_month_day ymd{day};
        std::snprintf(text, sizeof text, "%04d-%02u-%02u %02d:%02d", int(ymd.year()),
                      unsigned(ymd.month()), unsigned(ymd.day()), int(hms.hours().count()),
                      int(hms.minutes().count()));
    }
    return text;
}

} // namespace cd::app
