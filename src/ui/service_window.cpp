#include "ui/service_window.h"

namespace cd::ui {

void open_service_window(wxWindow*, app::AppContext&, const std::string&) {}

} // namespace cd::ui
