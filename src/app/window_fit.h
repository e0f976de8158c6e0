// Where a window may go on a display: inside the work area (the screen less the panels and
// docks), whole, so that no part of it, its title bar least of all, is out of reach. Plain
// integers in the toolkit's pixels, so the rule is tested without a display.
#pragma once

namespace cd::app {

struct ScreenRect {
    int x = 0;
    int y = 0;
    int width = 0;
    int height = 0;

    bool empty() const { return width <= 0 || height <= 0; }
    friend bool operator==(const ScreenRect&, const ScreenRect&) = default;
};

// `window` made no larger than `work_area` and moved the least distance that puts it wholly
// inside. An empty window or work area is returned unchanged (nothing known to fit to).
ScreenRect fit_to_work_area(const ScreenRect& window, const ScreenRect& work_area);

// A minimum size that the work area can hold: a minimum larger than the screen (a large DIP
// minimum at a 2x scale on a small display) would force the window past its edges.
ScreenRect fit_min_size(const ScreenRect& min_size, const ScreenRect& work_area);

} // namespace cd::app
