#include "catch.hpp"

#include "app/text_size.h"

using cd::app::TextSize;

TEST_CASE("text grows and shrinks in steps and stops at the ends", "[ui-logic][text-size]") {
    TextSize size = TextSize::normal();
    CHECK(size.percent() == 100);
    CHECK_FALSE(size.can_shrink());
    CHECK(size.smaller() == size);
    size = size.larger().larger();
    CHECK(size.percent() == 150);
    while (size.can_grow()) {
        size = size.larger();
    }
    CHECK(size.percent() == 250);
    CHECK(size.larger() == size);
}

TEST_CASE("a saved size comes back as the nearest step", "[ui-logic][text-size]") {
    CHECK(TextSize::from_percent(175).percent() == 175);
    CHECK(TextSize::from_percent(160).percent() == 150);
    CHECK(TextSize::from_percent(9999).percent() == 250);
    CHECK(TextSize::from_percent(-5).percent() == 100);
}

TEST_CASE("point sizes scale and round", "[ui-logic][text-size]") {
    CHECK(TextSize::normal().scale(10) == 10);
    CHECK(TextSize::from_percent(150).scale(10) == 15);
    CHECK(TextSize::from_percent(125).scale(9) == 11);  // 11.25 rounds down
    CHECK(TextSize::from_percent(175).scale(10) == 18); // 17.5 rounds up
}
