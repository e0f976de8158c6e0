#include "catch.hpp"

#include "app/list_navigation.h"

using cd::app::next_row_line;

TEST_CASE("the arrow keys step over group headings", "[ui-logic][keyboard]") {
    // heading, row, row, heading, row
    const std::vector<bool> lines{true, false, false, true, false};
    CHECK(next_row_line(lines, -1, +1) == 1); // nothing selected: the first row, not its heading
    CHECK(next_row_line(lines, 1, +1) == 2);
    CHECK(next_row_line(lines, 2, +1) == 4); // over the second heading
    CHECK(next_row_line(lines, 4, -1) == 2);
    CHECK(next_row_line(lines, 1, -1) == std::nullopt); // the first heading is not a stop
    CHECK(next_row_line(lines, 4, +1) == std::nullopt);
    CHECK(next_row_line(lines, -1, -1) == 4); // up with nothing selected: the last row
    CHECK(next_row_line(lines, 1, +2) == 4);
}

TEST_CASE("a list of headings only has nowhere to go", "[ui-logic][keyboard]") {
    CHECK(next_row_line({true, true}, -1, +1) == std::nullopt);
    CHECK(next_row_line({}, -1, +1) == std::nullopt);
}
