#include "net/retry_policy.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>

namespace cd::net {

using std::chrono::milliseconds;
using std::chrono::seconds;

milliseconds backoff_delay(const RetryPolicy& policy, int retry, const UniformRandom& random) {
    if (retry < 1) {
        return milliseconds{0};
    }
    // Doubling stops at the cap; 2^20 keeps the multiplication far from overflow.
    const int doublings = std::min(retry - 1, 20);
    const auto uncapped = policy.base_delay.count() * (std::int64_t{1} << doublings);
    const auto ceiling = std::min<std::int64_t>(uncapped, policy.max_delay.count());
    double r = random ? random() : 0.5;
    r = std::clamp(r, 0.0, 1.0);
    auto delay = static_cast<std::int64_t>(std::floor(r * static_cast<double>(ceiling)));
    return milliseconds{std::clamp<std::int64_t>(delay, 0, ceiling)};
}

namespace {

constexpr std::int64_t max_retry_after_seconds = 24 * 3600;

// Only ASCII digits: from_chars alone would take a sign ("-1").
bool parse_digits(std::string_view s, int& out) {
    if (s.empty() || s.find_first_not_of("0123456789") != std::string_view::npos) {
        return false;
    }
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return ec == std::errc() && p == s.data() + s.size();
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) {
        s.remove_prefix(1);
    }
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) {
        s.remove_suffix(1);
    }
    return s;
}

constexpr std::array<std::string_view, 7> short_days = {"Mon", "Tue", "Wed", "Thu",
                                                        "Fri", "Sat", "Sun"};
constexpr std::array<std::string_view, 7> long_days = {
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
constexpr std::array<std::string_view, 12> months = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                     "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

template <std::size_t N>
bool one_of(const std::array<std::string_view, N>& names, std::string_view name) {
    return std::find(names.begin(), names.end(), name) != names.end();
}

struct DateFields {
    int year = 0;
    unsigned month = 0; // 1..12
    int day = 0;
    int hour = 0;
    int minute = 0;
    int second = 0;
};

bool parse_month(std::string_view name, unsigned& month) {
    const auto it = std::find(months.begin(), months.end(), name);
    month = static_cast<unsigned>(it - months.begin() + 1);
    return it != months.end();
}

// "08:49:37"
bool parse_time_of_day(std::string_view s, DateFields& f) {
    return s.size() == 8 && s[2] == ':' && s[5] == ':' && parse_digits(s.substr(0, 2), f.hour) &&
           parse_digits(s.substr(3, 2), f.minute) && parse_digits(s.substr(6, 2), f.second);
}

// IMF-fixdate: "Sun, 06 Nov 1994 08:49:37 GMT"
bool parse_imf_fixdate(std::string_view s, DateFields& f) {
    return s.size() == 29 && one_of(short_days, s.substr(0, 3)) && s.substr(3, 2) == ", " &&
           parse_digits(s.substr(5, 2), f.day) && s[7] == ' ' &&
           parse_month(s.substr(8, 3), f.month) && s[11] == ' ' &&
           parse_digits(s.substr(12, 4), f.year) && s[16] == ' ' &&
           parse_time_of_day(s.substr(17, 8), f) && s.substr(25) == " GMT";
}

// RFC 850: "Sunday, 06-Nov-94 08:49:37 GMT". A two-digit year more than 50 years ahead of now
// is the most recent past year with those digits (RFC 9110 5.6.7).
bool parse_rfc850(std::string_view s, DateFields& f, int current_year) {
    const auto comma = s.find(", ");
    if (comma == std::string_view::npos || !one_of(long_days, s.substr(0, comma))) {
        return false;
    }
    s.remove_prefix(comma + 2);
    int two_digits = 0;
    if (!(s.size() == 22 && parse_digits(s.substr(0, 2), f.day) && s[2] == '-' &&
          parse_month(s.substr(3, 3), f.month) && s[6] == '-' &&
          parse_digits(s.substr(7, 2), two_digits) && s[9] == ' ' &&
          parse_time_of_day(s.substr(10, 8), f) && s.substr(18) == " GMT")) {
        return false;
    }
    f.year = current_year - current_year % 100 + two_digits;
    if (f.year > current_year + 50) {
        f.year -= 100;
    }
    return true;
}

// asctime: "Sun Nov  6 08:49:37 1994" (the day is space-padded)
bool parse_asctime(std::string_view s, DateFields& f) {
    if (s.size() != 24) {
        return false;
    }
    const auto day = s[8] == ' ' ? s.substr(9, 1) : s.substr(8, 2);
    return one_of(short_days, s.substr(0, 3)) && s[3] == ' ' &&
           parse_month(s.substr(4, 3), f.month) && s[7] == ' ' && parse_digits(day, f.day) &&
           s[10] == ' ' && parse_time_of_day(s.substr(11, 8), f) && s[19] == ' ' &&
           parse_digits(s.substr(20, 4), f.year);
}

} // namespace

std::optional<std::chrono::system_clock::time_point>
parse_http_date(std::string_view text, std::chrono::system_clock::time_point now) {
    text = trim(text);
    const int current_year = static_cast<int>(
        std::chrono::year_month_day{std::chrono::floor<std::chrono::days>(now)}.year());
    DateFields f;
    if (!parse_imf_fixdate(text, f) && !parse_rfc850(text, f, current_year) &&
        !parse_asctime(text, f)) {
        return std::nullopt;
    }
    // system_clock counts nanoseconds in 64 bits: about 1678 to 2262. A date outside what an HTTP
    // server can mean is refused before the arithmetic could overflow.
    if (f.year < 1900 || f.year > 2200) {
        return std::nullopt;
    }
    const std::chrono::year_month_day ymd{std::chrono::year{f.year}, std::chrono::month{f.month},
                                          std::chrono::day{static_cast<unsigned>(f.day)}};
    if (!ymd.ok() || f.hour > 23 || f.minute > 59 || f.second > 60) {
        return std::nullopt;
    }
    return std::chrono::sys_days{ymd} + std::chrono::hours{f.hour} +
           std::chrono::minutes{f.minute} + seconds{f.second};
}

std::optional<seconds> parse_retry_after(std::string_view value,
                                         std::chrono::system_clock::time_point now) {
    value = trim(value);
    if (value.empty()) {
        return std::nullopt;
    }
    if (value.find_first_not_of("0123456789") == std::string_view::npos) {
        std::int64_t n = 0;
        auto [p, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
        if (ec != std::errc() || p != value.data() + value.size() || n > max_retry_after_seconds) {
            return std::nullopt;
        }
        return seconds{n};
    }
    const auto when = parse_http_date(value, now);
    if (!when) {
        return std::nullopt;
    }
    const auto wait = std::chrono::ceil<seconds>(*when - now);
    if (wait.count() <= 0) {
        return seconds{0};
    }
    if (wait.count() > max_retry_after_seconds) {
        return std::nullopt;
    }
    return wait;
}

RetryDecision decide_retry(const RetryPolicy& policy, const AttemptOutcome& outcome,
                           const UniformRandom& random) {
    RetryDecision d;
    if (outcome.failure) {
        if (!outcome.failure->retryable) {
            d.reason = "failure is final";
            return d;
        }
    } else if (!status_is_retryable(outcome.status)) {
        d.reason = "status is final";
        return d;
    }
    if (!is_idempotent(outcome.method) && !outcome.has_idempotency_key) {
        d.reason = "not idempotent and no Idempotency-Key";
        return d;
    }
    if (outcome.attempts_made >= policy.max_attempts) {
        d.reason = "attempts exhausted";
        return d;
    }
    if (outcome.retry_after) {
        if (*outcome.retry_after > policy.max_retry_after) {
            d.reason = "Retry-After too long";
            return d;
        }
        d.delay = std::chrono::duration_cast<milliseconds>(*outcome.retry_after);
    } else {
        d.delay = backoff_delay(policy, outcome.attempts_made, random);
    }
    if (outcome.elapsed + d.delay > policy.max_total) {
        d.reason = "time budget exhausted";
        d.delay = milliseconds{0};
        return d;
    }
    d.retry = true;
    d.reason = outcome.retry_after ? "Retry-After" : "backoff";
    return d;
}

} // namespace cd::net
