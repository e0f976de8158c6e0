#include "catch.hpp"

#include "core/phone_number.h"

TEST_CASE("mainland mobile numbers in the ways people write them", "[core][phone]") {
    CHECK(cd::normalize_mobile_number("13812345678") == "13812345678");
    CHECK(cd::normalize_mobile_number("138 1234 5678") == "13812345678");
    CHECK(cd::normalize_mobile_number("138-1234-5678") == "13812345678");
    CHECK(cd::normalize_mobile_number("+86 19912345678") == "19912345678");
    CHECK(cd::normalize_mobile_number("008615912345678") == "15912345678");
    CHECK(cd::normalize_mobile_number("  17012345678 ") == "17012345678");
}

TEST_CASE("what is not a mainland mobile number", "[core][phone]") {
    CHECK_FALSE(cd::is_valid_mobile_number(""));
    CHECK_FALSE(cd::is_valid_mobile_number("1381234567"));   // 10 digits
    CHECK_FALSE(cd::is_valid_mobile_number("138123456789")); // 12 digits
    CHECK_FALSE(cd::is_valid_mobile_number("12812345678"));  // no 12x mobiles
    CHECK_FALSE(cd::is_valid_mobile_number("05912345678"));  // a landline with area code
    CHECK_FALSE(cd::is_valid_mobile_number("1381234567a"));
    CHECK_FALSE(cd::is_valid_mobile_number("+1 4155552671"));
}
