// The My Life tab's page.
#pragma once

#include "app/app_context.h"
#include "ui/page.h"

namespace cd::ui {

Page* create_life_page(wxWindow* parent, app::AppContext& context);

} // namespace cd::ui
