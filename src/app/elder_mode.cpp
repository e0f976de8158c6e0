#include "app/elder_mode.h"

#include <algorithm>

namespace cd::app::elder {

double text_factor(TextSize size, bool elder_mode, double base_points) {
    const double step = size.percent() / 100.0;
    if (!elder_mode || base_points <= 0.0) {
        return step;
    }
    const double lowest = std::max(min_text_points, base_points);
    const double highest = std::max(max_text_points, base_points);
    return std::min(lowest * step, highest) / base_points;
}

} // namespace cd::app::elder
