#include "core/reference_number.h"

#include "catch.hpp"

using cd::readable_reference;

TEST_CASE("an application number reads in groups of four after its letter", "[core]") {
    CHECK(readable_reference("A3f9c01b2d4e6") == "A 3F9C 01B2 D4E6");
    CHECK(readable_reference("R1234567890a") == "R 1234 5678 90A");
}

TEST_CASE("a number without a letter prefix is grouped from its start", "[core]") {
    CHECK(readable_reference("20261128") == "2026 1128");
    CHECK(readable_reference("123") == "123");
}

TEST_CASE("dashes already in a number are replaced by the same grouping", "[core]") {
    CHECK(readable_reference("a-3f9c-01b2") == "A 3F9C 01B2");
}

TEST_CASE("text that is not a plain reference is shown unchanged", "[core]") {
    CHECK(readable_reference("").empty());
    CHECK(readable_reference("outbox:12") == "outbox:12");
    CHECK(readable_reference("申请1234") == "申请1234");
    CHECK(readable_reference("abc") == "ABC");
}
