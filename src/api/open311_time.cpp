#include "api/open311_time.h"

#include <algorithm>
#include <charconv>

namespace cd::api::open311 {
namespace {

// `digits` decimal digits at `pos`, or -1.
int number_at(std::string_view text, std::size_t pos, std::size_t digits) {
    if (pos + digits > text.size()) {
        return -1;
    }
    int value = 0;
    const auto* begin = text.data() + pos;
    const auto [end, ec] = std::from_chars(begin, begin + digits, value);
    return ec == std::errc() && end == begin + digits ? value : -1;
}

} // namespace

std::optional<std::chrono::sys_seconds> parse_datetime(std::string_view text) {
    using namespace std::chrono;
    const int y = number_at(text, 0, 4), mo = number_at(text, 5, 2), d = number_at(text, 8, 2);
    if (y < 0 || mo < 0 || d < 0 || text[4] != '-' || text[7] != '-') {
        return std::nullopt;
    }
    const year_month_day date{year{y}, month{static_cast<unsigned>(mo)},
                              std::chrono::day{static_cast<unsigned>(d)}};
    if (!date.ok()) {
        return std::nullopt;
    }
    sys_seconds at = sys_days(date);
    if (text.size() == 10) {
        return at;
    }
    const int h = number_at(text, 11, 2), mi = number_at(text, 14, 2), s = number_at(text, 17, 2);
    if ((text[10] != 'T' && text[10] != ' ') || h < 0 || h > 23 || mi < 0 || mi > 59 || s < 0 ||
        s > 60 || text[13] != ':' || text[16] != ':') {
        return std::nullopt;
    }
    at += hours(h) + minutes(mi) + seconds(s);
    std::size_t zone = 19;
    if (zone < text.size() && text[zone] == '.') {
        while (++zone < text.size() && text[zone] >= '0' && text[zone] <= '9') {
        }
    }
    if (zone == text.size() || (text.substr(zone) == "Z" || text.substr(zone) == "z")) {
        return at;
    }
    const char sign = text[zone];
    if ((sign != '+' && sign != '-') || text.size() - zone < 3) {
        return std::nullopt;
    }
    // +08:00, +0800 and +08 are all seen.
    const int oh = number_at(text, zone + 1, 2);
    int om = 0;
    const auto rest = text.size() - zone - 3;
    if (rest == 3 && text[zone + 3] == ':') {
        om = number_at(text, zone + 4, 2);
    } else if (rest == 2) {
        om = number_at(text, zone + 3, 2);
    } else if (rest != 0) {
        return std::nullopt;
    }
    if (oh < 0 || oh > 14 || om < 0 || om > 59) {
        return std::nullopt;
    }
    const auto offset = hours(oh) + minutes(om);
    return sign == '+' ? at - offset : at + offset;
}

std::string utc_text(std::chrono::sys_seconds instant) {
    using namespace std::chrono;
    const auto midnight = floor<days>(instant);
    const year_month_day ymd{midnight};
    const hh_mm_ss hms{instant - midnight};
    std::string out;
    auto put = [&out](long long value, int width, char after) {
        char digits[24];
        const auto [end, ec] = std::to_chars(digits, digits + sizeof digits, value);
        out.append(static_cast<std::size_t>(std::max<long long>(0, width - (end - digits))), '0');
        out.append(digits, end);
        if (after != 0) {
            out += after;
        }
    };
    put(int(ymd.year()), 4, '-');
    put(unsigned(ymd.month()), 2, '-');
    put(unsigned(ymd.day()), 2, 'T');
    put(hms.hours().count(), 2, ':');
    put(hms.minutes().count(), 2, ':');
    put(hms.seconds().count(), 2, 'Z');
    return out;
}

std::string normalized_utc(std::string_view text) {
    const auto at = parse_datetime(text);
    return at ? utc_text(*at) : std::string();
}

} // namespace cd::api::open311
