// Applying online and booking a hall, opened from a service's guide; and the My applications
// and My appointments pages that the My Government tab embeds.
#pragma once

#include "app/app_context.h"
#include "store/outbox.h"
#include "ui/page.h"

#include <wx/window.h>

#include <string>

namespace cd::ui {

void open_application_form(wxWindow* parent, app::AppContext& context,
                           const std::string& service_id);
// The form of an application the platform refused, filled in from it; submitting replaces it.
void open_refused_application(wxWindow* parent, app::AppContext& context,
                              const store::OutboxItem& item);
// hall_id may be empty: the citizen picks the hall first.
void open_booking(wxWindow* parent, app::AppContext& context, const std::string& service_id,
                  const std::string& hall_id);

Page* create_applications_page(wxWindow* parent, app::AppContext& context);
Page* create_appointments_page(wxWindow* parent, app::AppContext& context);

} // namespace cd::ui
