#include "ui/search_bar.h"

namespace cd::ui {

wxWindow* create_search_bar(wxWindow*, app::AppContext&) {
    return nullptr;
}

} // namespace cd::ui
