#include "catch.hpp"

#include "core/money.h"

#include <cstdint>
#include <limits>

using cd::Money;

TEST_CASE("money prints as yuan with two decimals", "[core][money]") {
    CHECK(cd::to_decimal_string(Money{0}) == "0.00");
    CHECK(cd::to_decimal_string(Money{5}) == "0.05");
    CHECK(cd::to_decimal_string(Money{123450}) == "1234.50");
    CHECK(cd::to_decimal_string(Money{-5}) == "-0.05");
    CHECK(cd::to_decimal_string(Money{std::numeric_limits<std::int64_t>::min()}) ==
          "-92233720368547758.08");
}

TEST_CASE("money parses what a person types, exactly", "[core][money]") {
    CHECK(cd::parse_decimal("12") == Money{1200});
    CHECK(cd::parse_decimal("12.3") == Money{1230});
    CHECK(cd::parse_decimal("12.30") == Money{1230});
    CHECK(cd::parse_decimal("0.07") == Money{7});
    CHECK(cd::parse_decimal("-0.05") == Money{-5});
    // 0.1 + 0.2 style errors are impossible: 19.99 is 1999 fen, not 1998.
    CHECK(cd::parse_decimal("19.99") == Money{1999});
}

TEST_CASE("money rejects ambiguous or overflowing text", "[core][money]") {
    CHECK_FALSE(cd::parse_decimal(""));
    CHECK_FALSE(cd::parse_decimal("."));
    CHECK_FALSE(cd::parse_decimal("12."));
    CHECK_FALSE(cd::parse_decimal(".5"));
    CHECK_FALSE(cd::parse_decimal("1.234"));
    CHECK_FALSE(cd::parse_decimal("1,234.00"));
    CHECK_FALSE(cd::parse_decimal("1e3"));
    CHECK_FALSE(cd::parse_decimal("99999999999999999999"));
}

TEST_CASE("money round-trips through its text form", "[core][money]") {
    for (std::int64_t fen : {0LL, 1LL, 99LL, 100LL, 123456789LL, -42LL}) {
        CHECK(cd::parse_decimal(cd::to_decimal_string(Money{fen})) == Money{fen});
    }
}

TEST_CASE("money arithmetic never overflows: checked sums say so, operators saturate",
          "[core][money]") {
    constexpr auto most = std::numeric_limits<std::int64_t>::max();
    constexpr auto least = std::numeric_limits<std::int64_t>::min();
    CHECK(cd::checked_add(Money{most}, Money{0}) == Money{most});
    CHECK_FALSE(cd::checked_add(Money{most}, Money{1}));
    CHECK_FALSE(cd::checked_add(Money{least}, Money{-1}));
    CHECK_FALSE(cd::checked_sub(Money{least}, Money{1}));
    CHECK_FALSE(cd::checked_sub(Money{0}, Money{least}));
    CHECK(cd::checked_sub(Money{-1}, Money{least}) == Money{most});
    // The old wrap-around showed "-0.02" for two near-maximum amounts.
    CHECK(Money{most - 1} + Money{most - 1} == Money{most});
    CHECK(Money{least} - Money{5} == Money{least});
    CHECK(cd::to_decimal_string(Money{most} + Money{most}).front() != '-');
}

TEST_CASE("a running total of many large amounts is exact or flagged, never wrapped",
          "[core][money]") {
    // Fuzz-like: seeded random amounts of every size, checked against two's-complement
    // arithmetic done in unsigned (defined) with the sign rule for overflow.
    std::uint64_t state = 0x9E3779B97F4A7C15ULL;
    auto next = [&state] {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        return state;
    };
    for (int run = 0; run < 200; ++run) {
        cd::MoneyTotal total;
        std::int64_t exact = 0;
        bool overflowed = false;
        const int count = 1 + static_cast<int>(next() % 500);
        for (int i = 0; i < count; ++i) {
            std::int64_t fen = 0;
            switch (next() % 3) {
            case 0:
                fen = static_cast<std::int64_t>(next() % (cd::max_amount_fen + 1)); // a bill
                break;
            case 1:
                fen = static_cast<std::int64_t>(next() >> 1); // up to INT64_MAX
                break;
            default:
                fen = static_cast<std::int64_t>(next()); // any value, negative too
                break;
            }
            total.add(Money{fen});
            const auto wrapped = static_cast<std::int64_t>(static_cast<std::uint64_t>(exact) +
                                                           static_cast<std::uint64_t>(fen));
            if ((exact >= 0) == (fen >= 0) && (wrapped >= 0) != (exact >= 0)) {
                overflowed = true;
                break; // once flagged, the total is only a bound
            }
            exact = wrapped;
            REQUIRE(total.value().fen == exact);
        }
        CHECK(total.overflowed() == overflowed);
    }
    // Bills at the bound: nine million of them still sum exactly.
    cd::MoneyTotal bills;
    for (int i = 0; i < 9'000'000; i += 1000) {
        bills.add(Money{cd::max_amount_fen * 1000});
    }
    CHECK_FALSE(bills.overflowed());
    CHECK(bills.value().fen == cd::max_amount_fen * 9'000'000);
}
