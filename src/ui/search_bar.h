// The search box above the tabs: type Chinese, pinyin, initials or English and pick a service
// from the results grouped by tab. Returns nullptr when there is nothing to search yet.
#pragma once

#include "app/app_context.h"

#include <wx/window.h>

namespace cd::ui {

wxWindow* create_search_bar(wxWindow* parent, app::AppContext& context);

} // namespace cd::ui
