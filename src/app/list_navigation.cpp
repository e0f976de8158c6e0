#include "app/list_navigation.h"

namespace cd::app {

std::optional<int> next_row_line(const std::vector<bool>& is_heading, int from, int step) {
    if (step == 0) {
        return std::nullopt;
    }
    const int direction = step > 0 ? 1 : -1;
    const int count = static_cast<int>(is_heading.size());
    int line = from < 0 && direction < 0 ? count : from;
    for (int moved = 0; moved < (step > 0 ? step : -step);) {
        line += direction;
        if (line < 0 || line >= count) {
            return std::nullopt;
        }
        if (!is_heading[static_cast<std::size_t>(line)]) {
            ++moved;
        }
    }
    return line;
}

} // namespace cd::app
