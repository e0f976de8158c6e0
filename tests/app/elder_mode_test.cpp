#include "catch.hpp"

#include "app/elder_mode.h"

using cd::app::TextSize;
using cd::app::elder::text_factor;

namespace {
double points(TextSize size, bool elder, double base) {
    return base * text_factor(size, elder, base);
}
} // namespace

TEST_CASE("elder mode shows main text at 18 pt and grows it to 30 pt at most",
          "[ui-logic][elder]") {
    for (double base : {9.0, 10.0, 11.0, 12.0}) {
        CAPTURE(base);
        CHECK(points(TextSize::normal(), true, base) == Approx(18.0));
        TextSize size = TextSize::normal();
        double last = 0;
        while (true) {
            const double p = points(size, true, base);
            CHECK(p >= 18.0);
            CHECK(p <= 30.0);
            CHECK(p >= last);
            last = p;
            if (!size.can_grow()) {
                break;
            }
            size = size.larger();
        }
        CHECK(last == Approx(30.0));
    }
    // Without elder mode the steps are the plain percentages.
    CHECK(points(TextSize::from_percent(150), false, 10.0) == Approx(15.0));
    // A system text larger than 18 pt is never made smaller.
    CHECK(points(TextSize::normal(), true, 20.0) == Approx(20.0));
}
