// Opens one service: the guide of a government service (documents as a checklist, fees, time
// limits, steps, halls open now or closed, Apply online, Book a hall), or the details of a
// convenience service (its link or contact). A modeless window named "service-guide"; opening
// a service already open raises its window.
#pragma once

#include "app/app_context.h"

#include <wx/window.h>

#include <string>

class wxCheckListBox;
class wxFrame;

namespace cd::ui {

wxFrame* open_service_window(wxWindow* parent, app::AppContext& context,
                             const std::string& service_id);

// For tests: the documents checklist of a service window (null for another window).
wxCheckListBox* service_documents(wxWindow* service_window);

} // namespace cd::ui
