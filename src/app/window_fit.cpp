#include "app/window_fit.h"

#include <algorithm>

namespace cd::app {

ScreenRect fit_to_work_area(const ScreenRect& window, const ScreenRect& area) {
    if (window.empty() || area.empty()) {
        return window;
    }
    ScreenRect fitted = window;
    fitted.width = std::min(window.width, area.width);
    fitted.height = std::min(window.height, area.height);
    fitted.x = std::clamp(window.x, area.x, area.x + area.width - fitted.width);
    fitted.y = std::clamp(window.y, area.y, area.y + area.height - fitted.height);
    return fitted;
}

ScreenRect fit_min_size(const ScreenRect& min_size, const ScreenRect& area) {
    if (area.empty()) {
        return min_size;
    }
    ScreenRect fitted = min_size;
    fitted.width = std::min(min_size.width, area.width);
    fitted.height = std::min(min_size.height, area.height);
    return fitted;
}

} // namespace cd::app
