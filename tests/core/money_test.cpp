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
