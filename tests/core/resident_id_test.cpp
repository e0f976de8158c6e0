#include "catch.hpp"

#include "core/resident_id.h"

using cd::ResidentIdCheck;

// The worked examples published with GB 11643-1999 and in its common explanations.
TEST_CASE("published GB 11643 examples are valid", "[core][resident_id]") {
    CHECK(cd::check_resident_id("11010519491231002X") == ResidentIdCheck::valid);
    CHECK(cd::check_resident_id("440524188001010014") == ResidentIdCheck::valid);
    CHECK(cd::resident_id_check_char("11010519491231002") == 'X');
    CHECK(cd::resident_id_check_char("44052418800101001") == '4');
}

TEST_CASE("a lower-case x check character is accepted", "[core][resident_id]") {
    CHECK(cd::is_valid_resident_id("11010519491231002x"));
}

TEST_CASE("a single changed digit breaks the checksum", "[core][resident_id]") {
    CHECK(cd::check_resident_id("11010519491231003X") == ResidentIdCheck::bad_checksum);
    CHECK(cd::check_resident_id("440524188001010015") == ResidentIdCheck::bad_checksum);
}

TEST_CASE("shape errors are told apart", "[core][resident_id]") {
    CHECK(cd::check_resident_id("") == ResidentIdCheck::wrong_length);
    CHECK(cd::check_resident_id("1101051949123100") == ResidentIdCheck::wrong_length);
    CHECK(cd::check_resident_id("11010519491231002XX") == ResidentIdCheck::wrong_length);
    CHECK(cd::check_resident_id("1101051949123A002X") == ResidentIdCheck::not_digits);
    CHECK(cd::check_resident_id("11010519491231002Y") == ResidentIdCheck::not_digits);
    // 1949-02-30 and 1900-02-29 are not dates; 2000-02-29 is.
    CHECK(cd::check_resident_id("110105194902300020") == ResidentIdCheck::bad_birth_date);
    CHECK(cd::check_resident_id("110105190002290020") == ResidentIdCheck::bad_birth_date);
    CHECK(cd::check_resident_id("110105200002290020") != ResidentIdCheck::bad_birth_date);
    CHECK(cd::resident_id_check_char("1101051949123100A") == '\0');
}
