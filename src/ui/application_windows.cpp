#include "ui/application_windows.h"

namespace cd::ui {

void open_application_form(wxWindow*, app::AppContext&, const std::string&) {}
void open_booking(wxWindow*, app::AppContext&, const std::string&, const std::string&) {}

Page* create_applications_page(wxWindow* parent, app::AppContext&) {
    return new Page(parent);
}
Page* create_appointments_page(wxWindow* parent, app::AppContext&) {
    return new Page(parent);
}

} // namespace cd::ui
