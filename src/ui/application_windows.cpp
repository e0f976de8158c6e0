#include "ui/application_windows.h"

#include "ui/application_form_dialog.h"
#include "ui/applications_panel.h"
#include "ui/appointments_panel.h"
#include "ui/booking_dialog.h"

#include <wx/toplevel.h>

namespace cd::ui {

void open_application_form(wxWindow* parent, app::AppContext& context,
                           const std::string& service_id) {
    // One form per service: opening it again brings the open one forward.
    for (auto* window : wxTopLevelWindows) {
        auto* form = dynamic_cast<ApplicationFormDialog*>(window);
        if (form != nullptr && form->service_id() == service_id && !form->IsBeingDeleted()) {
            form->Raise();
            return;
        }
    }
    (new ApplicationFormDialog(parent, context, service_id))->Show();
}

void open_refused_application(wxWindow* parent, app::AppContext& context,
                              const store::OutboxItem& item) {
    const std::string service_id = app::application_service_of(item);
    for (auto* window : wxTopLevelWindows) {
        auto* form = dynamic_cast<ApplicationFormDialog*>(window);
        if (form != nullptr && form->service_id() == service_id && !form->IsBeingDeleted()) {
            form->Close(); // the refused one takes its place
        }
    }
    (new ApplicationFormDialog(parent, context, service_id, &item))->Show();
}

void open_booking(wxWindow* parent, app::AppContext& context, const std::string& service_id,
                  const std::string& hall_id) {
    (new BookingDialog(parent, context, service_id, hall_id))->Show();
}

Page* create_applications_page(wxWindow* parent, app::AppContext& context) {
    return new ApplicationsPanel(parent, context);
}

Page* create_appointments_page(wxWindow* parent, app::AppContext& context) {
    return new AppointmentsPanel(parent, context);
}

} // namespace cd::ui
