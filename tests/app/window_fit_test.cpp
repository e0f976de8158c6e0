#include "catch.hpp"

#include "app/window_fit.h"

using cd::app::fit_min_size;
using cd::app::fit_to_work_area;
using cd::app::ScreenRect;

TEST_CASE("a window larger than the work area is shrunk and put inside it",
          "[ui-logic][window-fit]") {
    // GDK_SCALE=2 on 1280x1024: 640x512 logical pixels less a 32-pixel top panel, and the
    // default 1024x720 DIP window asked for 2048x1440 at a negative position.
    const ScreenRect area{0, 32, 640, 480};
    const ScreenRect fitted = fit_to_work_area({-704, -464, 2048, 1440}, area);
    CHECK(fitted == ScreenRect{0, 32, 640, 480});
}

TEST_CASE("a window that fits keeps its size and moves the least", "[ui-logic][window-fit]") {
    const ScreenRect area{0, 0, 1280, 1000};
    CHECK(fit_to_work_area({100, 50, 800, 600}, area) == ScreenRect{100, 50, 800, 600});
    CHECK(fit_to_work_area({900, 700, 800, 600}, area) == ScreenRect{480, 400, 800, 600});
    CHECK(fit_to_work_area({-50, -20, 800, 600}, area) == ScreenRect{0, 0, 800, 600});
    // A second monitor to the right has its own origin.
    const ScreenRect right{1280, 0, 1920, 1080};
    CHECK(fit_to_work_area({1200, 10, 800, 600}, right) == ScreenRect{1280, 10, 800, 600});
}

TEST_CASE("nothing to fit leaves the window alone", "[ui-logic][window-fit]") {
    CHECK(fit_to_work_area({}, {0, 0, 640, 480}) == ScreenRect{});
    CHECK(fit_to_work_area({10, 10, 5000, 5000}, {}) == ScreenRect{10, 10, 5000, 5000});
}

TEST_CASE("a minimum size never exceeds the work area", "[ui-logic][window-fit]") {
    CHECK(fit_min_size({0, 0, 1280, 960}, {0, 32, 640, 480}) == ScreenRect{0, 0, 640, 480});
    CHECK(fit_min_size({0, 0, 640, 480}, {0, 0, 1920, 1080}) == ScreenRect{0, 0, 640, 480});
}
