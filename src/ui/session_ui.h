// The citizen's vault and platform session in the window: on start, unlock the vault (or create
// it the first time) and sign in again from the saved session; the File menu's commands.
#pragma once

#include "app/app_context.h"

#include <wx/window.h>

namespace cd::ui {

enum class SessionCommand {
    unlock,
    lock,
    change_passphrase,
    sign_in,
    sign_out,
    start_over,
    restore_backup
};

// Called once the main window is shown: asks to create or unlock the vault, then signs the
// citizen in again. Does nothing when CITIZENDESK_NO_START_DIALOGS=1 (the [ui] tests of other
// features, which create the vault themselves).
void start_session(wxWindow* frame, app::AppContext& context);
bool start_dialogs_disabled();
void run_session_command(wxWindow* frame, app::AppContext& context, SessionCommand command);

} // namespace cd::ui
