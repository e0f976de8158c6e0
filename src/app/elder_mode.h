// Elder mode (长辈版), after the MIIT rules for aging-friendly websites and apps: main text
// at least 18 pt and at most 30 pt, line spacing at least 1.3, click targets at least 60x60
// pixels. These are the numbers; the ui applies them to its windows.
#pragma once

#include "app/text_size.h"

namespace cd::app::elder {

inline constexpr double min_text_points = 18.0;
inline constexpr double max_text_points = 30.0;
inline constexpr double min_line_spacing = 1.3;
inline constexpr int min_target_px = 60; // device-independent pixels

// The factor to apply to text shown at the system's size (base_points) for a text-size step,
// in elder mode or not. In elder mode the normal step is 18 pt and Larger Text grows it up
// to 30 pt; a system text already larger than that is never made smaller.
double text_factor(TextSize size, bool elder_mode, double base_points);

} // namespace cd::app::elder
