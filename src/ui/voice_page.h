// The My Voice tab's page.
#pragma once

#include "app/app_context.h"
#include "ui/page.h"

namespace cd::ui {

Page* create_voice_page(wxWindow* parent, app::AppContext& context);

} // namespace cd::ui
