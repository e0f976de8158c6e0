// Opens one service: the guide of a government service (documents, fees, time limit, steps,
// halls, apply online), or the details of a convenience service (its link or contact).
#pragma once

#include "app/app_context.h"

#include <wx/window.h>

#include <string>

namespace cd::ui {

void open_service_window(wxWindow* parent, app::AppContext& context, const std::string& service_id);

} // namespace cd::ui
