#include "catch.hpp"

#include "net/retry_policy.h"

using namespace cd::net;
using std::chrono::milliseconds;
using std::chrono::seconds;

namespace {

AttemptOutcome status_outcome(Method m, int status, int attempts = 1) {
    AttemptOutcome o;
    o.method = m;
    o.status = status;
    o.attempts_made = attempts;
    return o;
}

const UniformRandom half = [] {
    return 0.5;
};

} // namespace

TEST_CASE("backoff doubles its ceiling and stops at max_delay", "[net][retry]") {
    RetryPolicy p;
    p.base_delay = milliseconds(100);
    p.max_delay = milliseconds(1000);
    const UniformRandom almost_one = [] {
        return 0.999999;
    };
    CHECK(backoff_delay(p, 1, almost_one) == milliseconds(99));
    CHECK(backoff_delay(p, 2, almost_one) == milliseconds(199));
    CHECK(backoff_delay(p, 3, almost_one) == milliseconds(399));
    CHECK(backoff_delay(p, 5, almost_one) == milliseconds(999));
    CHECK(backoff_delay(p, 60, almost_one) == milliseconds(999)); // no overflow
}

TEST_CASE("backoff uses full jitter from zero up to the ceiling", "[net][retry]") {
    RetryPolicy p;
    p.base_delay = milliseconds(400);
    CHECK(backoff_delay(p, 1, [] { return 0.0; }) == milliseconds(0));
    CHECK(backoff_delay(p, 1, half) == milliseconds(200));
    CHECK(backoff_delay(p, 2, half) == milliseconds(400));
    // A broken random source cannot push the delay outside [0, ceiling].
    CHECK(backoff_delay(p, 1, [] { return 7.0; }) == milliseconds(400));
    CHECK(backoff_delay(p, 1, [] { return -1.0; }) == milliseconds(0));
}

TEST_CASE("Retry-After accepts seconds and HTTP dates and rejects nonsense", "[net][retry]") {
    const auto now = *parse_http_date("Sun, 06 Nov 1994 08:49:37 GMT");
    CHECK(parse_retry_after("120", now) == seconds(120));
    CHECK(parse_retry_after(" 0 ", now) == seconds(0));
    CHECK(parse_retry_after("Sun, 06 Nov 1994 08:50:07 GMT", now) == seconds(30));
    CHECK(parse_retry_after("Sun, 06 Nov 1994 08:00:00 GMT", now) == seconds(0)); // past
    CHECK_FALSE(parse_retry_after("-5", now));
    CHECK_FALSE(parse_retry_after("1.5", now));
    CHECK_FALSE(parse_retry_after("soon", now));
    CHECK_FALSE(parse_retry_after("", now));
    CHECK_FALSE(parse_retry_after("99999999999999999999999", now));
    CHECK_FALSE(parse_retry_after("864001", now));                        // over a day
    CHECK_FALSE(parse_retry_after("Sun, 13 Nov 1994 08:49:37 GMT", now)); // a week away
    CHECK_FALSE(parse_retry_after("Sun, 32 Nov 1994 08:49:37 GMT", now));
}

TEST_CASE("HTTP dates are read in all three forms RFC 9110 requires", "[net][retry]") {
    const auto now = *parse_http_date("Sun, 06 Nov 1994 08:49:37 GMT");
    CHECK(now.time_since_epoch() == seconds(784111777));
    CHECK(parse_http_date("Sunday, 06-Nov-94 08:49:37 GMT", now) == now); // RFC 850
    CHECK(parse_http_date("Sun Nov  6 08:49:37 1994", now) == now);       // asctime
    CHECK(parse_http_date("Sun Nov 06 08:49:37 1994", now) == now);
    CHECK(parse_retry_after("Sunday, 06-Nov-94 08:50:07 GMT", now) == seconds(30));
    CHECK(parse_retry_after("Sun Nov  6 08:50:07 1994", now) == seconds(30));
    CHECK(parse_retry_after("Sun Nov  6 08:00:00 1994", now) == seconds(0)); // past

    // A two-digit year more than 50 years ahead is the last century's.
    const auto in_2026 = *parse_http_date("Thu, 03 Dec 2026 10:00:00 GMT");
    CHECK(parse_http_date("Thursday, 03-Dec-26 10:00:00 GMT", in_2026) == in_2026);
    CHECK(parse_http_date("Sunday, 06-Nov-94 08:49:37 GMT", in_2026) == now);
}

TEST_CASE("HTTP dates refuse garbage and values out of range", "[net][retry]") {
    const auto now = *parse_http_date("Sun, 06 Nov 1994 08:49:37 GMT");
    for (const char* bad : {"", "soon", "Sun, 06 Nov 1994", "06 Nov 1994 08:49:37 GMT",
                            "Sun, 06 Nov 1994 08:49:37 +0800", "Sun, 06 Nov 1994 08:49:37 GMT junk",
                            "Sun, 6 Nov 1994 08:49:37 GMT", "Sunday, 06-Nov-1994 08:49:37 GMT",
                            "Sun, 06-Nov-94 08:49:37 GMT", "Sun Nov  6 08:49:37 1994 GMT",
                            "Sun Nov 6 08:49:37 1994", "Fun, 06 Nov 1994 08:49:37 GMT",
                            "Sun, 06 Now 1994 08:49:37 GMT", "Sun, -6 Nov 1994 08:49:37 GMT",
                            "Sun, 06 Nov 1994 -8:49:37 GMT", "Sun, 06 Nov 1994 08:49:37 gmt",
                            // out of range: day, month length, hour, minute, second
                            "Sun, 32 Nov 1994 08:49:37 GMT", "Sun, 00 Nov 1994 08:49:37 GMT",
                            "Thu, 31 Feb 1994 08:49:37 GMT", "Sunday, 31-Apr-94 08:49:37 GMT",
                            "Sun Feb 29 08:49:37 1994", "Sun, 06 Nov 1994 24:00:00 GMT",
                            "Sunday, 06-Nov-94 08:60:37 GMT", "Sun Nov  6 08:49:61 1994"}) {
        INFO(bad);
        CHECK_FALSE(parse_http_date(bad, now));
        CHECK_FALSE(parse_retry_after(bad, now));
    }
    CHECK(parse_http_date("Thu Feb 29 08:49:37 1996", now)); // a leap year
    // Years the nanosecond clock cannot hold (a fuzzer's find: signed overflow, UBSan) or that no
    // server means are refused, not wrapped around.
    for (const char* far : {"Sat, 28 Nov 1013 12:00:30 GMT", "Sun, 06 Nov 9999 08:49:37 GMT",
                            "Sun Nov  6 08:49:37 2263"}) {
        INFO(far);
        CHECK_FALSE(parse_http_date(far, now));
    }
    // Further than a day away in any form: not a delay to honour.
    CHECK_FALSE(parse_retry_after("Sunday, 13-Nov-94 08:49:37 GMT", now));
    CHECK_FALSE(parse_retry_after("Sun Nov 13 08:49:37 1994", now));
}

TEST_CASE("idempotent methods are retried on transient statuses", "[net][retry]") {
    RetryPolicy p;
    for (int status : {408, 429, 500, 502, 503, 504}) {
        for (Method m : {Method::get, Method::head, Method::put, Method::del, Method::options}) {
            const auto d = decide_retry(p, status_outcome(m, status), half);
            CHECK(d.retry);
            CHECK(d.delay == milliseconds(250));
        }
    }
}

TEST_CASE("final statuses and successes are never retried", "[net][retry]") {
    RetryPolicy p;
    for (int status : {200, 201, 304, 400, 401, 403, 404, 409, 412, 422, 501, 505}) {
        CHECK_FALSE(decide_retry(p, status_outcome(Method::get, status), half).retry);
    }
}

TEST_CASE("a POST is retried only with an Idempotency-Key", "[net][retry]") {
    RetryPolicy p;
    auto o = status_outcome(Method::post, 503);
    CHECK_FALSE(decide_retry(p, o, half).retry);
    o.has_idempotency_key = true;
    CHECK(decide_retry(p, o, half).retry);
    auto patch = status_outcome(Method::patch, 503);
    CHECK_FALSE(decide_retry(p, patch, half).retry);
}

TEST_CASE("retries stop at max_attempts and at the time budget", "[net][retry]") {
    RetryPolicy p;
    p.max_attempts = 3;
    CHECK(decide_retry(p, status_outcome(Method::get, 503, 2), half).retry);
    CHECK_FALSE(decide_retry(p, status_outcome(Method::get, 503, 3), half).retry);

    p.max_total = milliseconds(1000);
    auto o = status_outcome(Method::get, 503, 1);
    o.elapsed = milliseconds(900);
    CHECK_FALSE(decide_retry(p, o, half).retry); // 900 + 250 > 1000
    o.elapsed = milliseconds(700);
    CHECK(decide_retry(p, o, half).retry);
}

TEST_CASE("Retry-After replaces the backoff and a long one is not waited for", "[net][retry]") {
    RetryPolicy p;
    auto o = status_outcome(Method::get, 429);
    o.retry_after = seconds(3);
    auto d = decide_retry(p, o, half);
    CHECK(d.retry);
    CHECK(d.delay == milliseconds(3000));
    CHECK(d.reason == "Retry-After");
    o.retry_after = seconds(3600);
    CHECK_FALSE(decide_retry(p, o, half).retry);
}

TEST_CASE("transport failures are retried only when retryable", "[net][retry]") {
    RetryPolicy p;
    AttemptOutcome o;
    o.failure = cd::make_error(cd::ErrorKind::network, "refused");
    CHECK(decide_retry(p, o, half).retry);
    o.failure = cd::make_error(cd::ErrorKind::tls, "bad certificate");
    CHECK_FALSE(decide_retry(p, o, half).retry);
    o.failure = cd::make_error(cd::ErrorKind::timeout, "slow");
    o.method = Method::post;
    CHECK_FALSE(decide_retry(p, o, half).retry);
}
