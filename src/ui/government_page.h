// The My Government tab's page: a notebook of Services (browse by department or life event,
// favourites, recently opened; a service opens its guide), My applications and My
// appointments.
#pragma once

#include "app/app_context.h"
#include "ui/page.h"

namespace cd::ui {

Page* create_government_page(wxWindow* parent, app::AppContext& context);

} // namespace cd::ui
