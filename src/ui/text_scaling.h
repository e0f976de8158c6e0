// Applies an app::TextSize to a window and everything in it, so the whole interface — tabs,
// labels, lists, dialogs — grows together for citizens who need larger text.
#pragma once

#include "app/text_size.h"

class wxWindow;

namespace cd::ui {

// Rescales every font under root from the size it was shown at (from) to the new one (to).
void rescale_text(wxWindow* root, app::TextSize from, app::TextSize to);
// Rescales every font under root by a factor (elder mode's sizes are not whole steps).
void rescale_text(wxWindow* root, double factor);

} // namespace cd::ui
