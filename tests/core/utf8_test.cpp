// UTF-8 decoding with byte offsets: what the search reports highlights in.
#include "catch.hpp"

#include "core/utf8.h"

TEST_CASE("utf8: code points carry their byte ranges", "[core][search]") {
    const auto cps = cd::utf8::decode("a社\U0001F600");
    REQUIRE(cps.size() == 3);
    CHECK(cps[0].value == U'a');
    CHECK((cps[0].begin == 0 && cps[0].end == 1));
    CHECK(cps[1].value == U'社');
    CHECK((cps[1].begin == 1 && cps[1].end == 4));
    CHECK(cps[2].value == U'\U0001F600');
    CHECK((cps[2].begin == 4 && cps[2].end == 8));
}

TEST_CASE("utf8: malformed bytes become one U+FFFD each and decoding goes on", "[core][search]") {
    // A stray continuation byte, an overlong '/', a surrogate, a truncated sequence.
    const auto cps = cd::utf8::decode("\x80x\xC0\xAF\xED\xA0\x80\xE7\xA4");
    REQUIRE(cps.size() >= 4);
    CHECK(cps[0].value == 0xFFFD);
    CHECK((cps[0].begin == 0 && cps[0].end == 1));
    CHECK(cps[1].value == U'x');
    for (std::size_t i = 2; i < cps.size(); ++i) {
        CHECK(cps[i].value == 0xFFFD);
        CHECK(cps[i].end - cps[i].begin == 1);
    }
    CHECK(cps.back().end == 9);
}
