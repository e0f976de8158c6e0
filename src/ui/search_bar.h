// The search box above the tabs: type Chinese, pinyin, initials or English and pick a service
// from the results grouped by tab, the matched part of each name in bold and colour. Up/Down
// move through the results, Enter opens the service's guide, Escape closes the list. Beside
// the box, a line says how the catalog is doing (downloading, offline). Returns nullptr when
// there is nothing to search yet.
#pragma once

#include "app/app_context.h"

#include <wx/window.h>

class wxTextCtrl;

namespace cd::ui {

wxWindow* create_search_bar(wxWindow* parent, app::AppContext& context);

// For tests: the search bar's text box and its result rows (the window from create_search_bar).
wxTextCtrl* search_box(wxWindow* search_bar);
std::size_t search_result_count(wxWindow* search_bar); // rows shown, 0 when the list is closed

} // namespace cd::ui
