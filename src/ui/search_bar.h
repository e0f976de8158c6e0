// The search box above the tabs: type Chinese, pinyin, initials or English and pick a service
// from the results grouped by tab, the matched part of each name in bold and colour. Up/Down
// move through the results, Enter opens the service's guide, Escape closes the list. Below
// the box, a line says how the catalog is doing (downloading, offline), wrapped so that the
// box keeps its width. Returns nullptr when there is nothing to search yet.
#pragma once

#include "app/app_context.h"

#include <wx/window.h>

class wxStaticText;
class wxTextCtrl;

namespace cd::ui {

wxWindow* create_search_bar(wxWindow* parent, app::AppContext& context);

// For tests: the search bar's text box and its result rows (the window from create_search_bar).
wxTextCtrl* search_box(wxWindow* search_bar);
std::size_t search_result_count(wxWindow* search_bar); // rows shown, 0 when the list is closed
wxStaticText* catalog_status_label(wxWindow* search_bar);

} // namespace cd::ui
