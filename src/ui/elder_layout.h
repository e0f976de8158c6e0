// Elder mode's rules applied to windows: click targets at least 60x60 pixels, and the 12345
// citizen service hotline one click away. The numbers are app::elder's.
#pragma once

#include "app/app_context.h"

#include <wx/string.h>

class wxWindow;

namespace cd::ui {

// Every button under root at least 60x60 (device-independent) pixels when on; back to its
// own size when off.
void enlarge_click_targets(wxWindow* root, bool on);

// The hotline's number: the city profile's, or 12345 (the national citizen service number)
// before the profile has come.
wxString hotline_number(const app::AppContext* context);

// A large button reading "Hotline 12345": it shows the number in words a citizen can dial
// and opens it as a tel: link where the system has a dialler.
wxWindow* create_hotline_button(wxWindow* parent, const app::AppContext* context);

} // namespace cd::ui
