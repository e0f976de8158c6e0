// Numbers on the wire keep '.' as the decimal point whatever the locale says.
#include "catch.hpp"

#include "comma_locale.h"
#include "core/wire_number.h"

#include <limits>

using namespace cd;

TEST_CASE("wire numbers are written with a point under a comma-decimal locale", "[core][wire]") {
    test::CommaDecimalLocale comma;
    CHECK(format_wire_number(30.2741, 7) == "30.2741000");
    CHECK(format_wire_number(-119.5, 1) == "-119.5");
    CHECK(format_wire_number(0.126, 2) == "0.13");
    CHECK(format_wire_number(2, 0) == "2");
    CHECK(format_wire_number(std::numeric_limits<double>::max(), 1).size() == 311);
    CHECK(format_wire_number(std::numeric_limits<double>::quiet_NaN(), 3).empty());
    CHECK(format_wire_number(std::numeric_limits<double>::infinity(), 3).empty());
}

TEST_CASE("wire numbers are read with a point under a comma-decimal locale", "[core][wire]") {
    test::CommaDecimalLocale comma;
    CHECK(parse_wire_number("30.2741") == 30.2741);
    CHECK(parse_wire_number("-119.25") == -119.25);
    CHECK(parse_wire_number("+1.5") == 1.5);
    CHECK(parse_wire_number("1e3") == 1000.0);
    CHECK(parse_wire_number("42") == 42.0);
    for (const char* bad : {"30,2741", "", " 1", "1 ", "1x", "+", "+-1", "--1", "inf", "nan",
                            "-inf", "1e999", "0x10"}) {
        INFO(bad);
        CHECK_FALSE(parse_wire_number(bad));
    }
}
