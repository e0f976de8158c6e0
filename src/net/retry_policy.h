// When a failed attempt is tried again, and after how long: exponential backoff with full jitter
// (delay drawn uniformly from [0, min(max_delay, base * 2^(n-1)))), overridden by the server's
// Retry-After, bounded in attempts and in total time. Pure functions: the random source and the
// clock are passed in, so tests pin them.
#pragma once

#include "core/error.h"
#include "net/http_client.h"

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace cd::net {

struct RetryPolicy {
    int max_attempts = 4;                      // the first attempt included; 1 = never retry
    std::chrono::milliseconds base_delay{500}; // ceiling of the first backoff
    std::chrono::milliseconds max_delay{8'000};
    // No retry is scheduled that would start later than this after the first attempt began.
    std::chrono::milliseconds max_total{30'000};
    // A Retry-After longer than this means "not now": the failure is returned instead.
    std::chrono::seconds max_retry_after{60};
};

// Uniform in [0, 1).
using UniformRandom = std::function<double()>;

// Full-jitter backoff before retry number `retry` (1 = the first retry).
std::chrono::milliseconds backoff_delay(const RetryPolicy& policy, int retry,
                                        const UniformRandom& random);

// Retry-After as delay-seconds or an HTTP date (RFC 9110 10.2.3). A date in the past gives 0;
// garbage, negative numbers and absurd values (over a day) give nothing.
std::optional<std::chrono::seconds> parse_retry_after(std::string_view value,
                                                      std::chrono::system_clock::time_point now);

// Parses an HTTP date in the three forms a recipient must accept (RFC 9110 5.6.7):
// IMF-fixdate "Sun, 06 Nov 1994 08:49:37 GMT", RFC 850 "Sunday, 06-Nov-94 08:49:37 GMT" and
// asctime "Sun Nov  6 08:49:37 1994". `now` places RFC 850's two-digit year in its century.
// Written out rather than curl_getdate, which also takes many other shapes and rolls an
// impossible date such as 31 Feb over into March instead of refusing it.
std::optional<std::chrono::system_clock::time_point>
parse_http_date(std::string_view text,
                std::chrono::system_clock::time_point now = std::chrono::system_clock::now());

// What happened in the attempt that just ended.
struct AttemptOutcome {
    Method method = Method::get;
    bool has_idempotency_key = false;
    int attempts_made = 1;                // including this one
    std::chrono::milliseconds elapsed{0}; // since the first attempt began
    std::optional<Error> failure;         // transport failure, or
    int status = 0;                       // the HTTP status when there was an answer
    std::optional<std::chrono::seconds> retry_after;
};

struct RetryDecision {
    bool retry = false;
    std::chrono::milliseconds delay{0};
    std::string reason; // for the log: why (not)
};

// Only idempotent methods, or a POST/PATCH carrying an Idempotency-Key, are retried; only
// retryable failures (network, timeout, truncated answer) and statuses 408/425/429/5xx-transient.
RetryDecision decide_retry(const RetryPolicy& policy, const AttemptOutcome& outcome,
                           const UniformRandom& random);

} // namespace cd::net
