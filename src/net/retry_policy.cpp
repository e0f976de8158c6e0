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

bool parse_int(std::string_view s, int& out) {
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

} // namespace

std::optional<std::chrono::system_clock::time_point> parse_http_date(std::string_view text) {
    // "Sun, 06 Nov 1994 08:49:37 GMT": fixed positions.
    text = trim(text);
    if (text.size() != 29 || text[3] != ',' || text[4] != ' ' || text[7] != ' ' ||
        text[11] != ' ' || text[16] != ' ' || text[19] != ':' || text[22] != ':' ||
        text.substr(25) != " GMT") {
        return std::nullopt;
    }
    static constexpr std::array<std::string_view, 12> months = {
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const auto month_it = std::find(months.begin(), months.end(), text.substr(8, 3));
    int day = 0, year = 0, hour = 0, minute = 0, second = 0;
    if (month_it == months.end() || !parse_int(text.substr(5, 2), day) ||
        !parse_int(text.substr(12, 4), year) || !parse_int(text.substr(17, 2), hour) ||
        !parse_int(text.substr(20, 2), minute) || !parse_int(text.substr(23, 2), second)) {
        return std::nullopt;
    }
    const auto month = static_cast<unsigned>(month_it - months.begin() + 1);
    const std::chrono::year_month_day ymd{std::chrono::year{year}, std::chrono::month{month},
                                          std::chrono::day{static_cast<unsigned>(day)}};
    if (!ymd.ok() || hour > 23 || minute > 59 || second > 60) {
        return std::nullopt;
    }
    return std::chrono::sys_days{ymd} + std::chrono::hours{hour} + std::chrono::minutes{minute} +
           seconds{second};
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
    const auto when = parse_http_date(value);
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
