// Moving through a list whose lines include group headings (the search results grouped by tab,
// the message centre grouped by kind): the arrow keys go from row to row and step over the
// headings, which cannot be chosen.
#pragma once

#include <optional>
#include <vector>

namespace cd::app {

// The line `step` rows (+1 down, -1 up) from `from` that is not a heading, or nullopt at either
// end. `from` of -1 (nothing selected) starts before the first line.
std::optional<int> next_row_line(const std::vector<bool>& is_heading, int from, int step);

} // namespace cd::app
