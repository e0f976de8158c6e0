#include "ui/session_ui.h"

namespace cd::ui {

void start_session(wxWindow*, app::AppContext&) {}
void run_session_command(wxWindow*, app::AppContext&, SessionCommand) {}

} // namespace cd::ui
