// Restores the citizen's data from a backup file they chose: asks for the backup's passphrase.
// The file it replaces is kept aside, never deleted.
#pragma once

#include "ui/session_dialog.h"

namespace cd::ui {

class RestoreBackupDialog final : public SessionDialog {
public:
    RestoreBackupDialog(wxWindow* parent, app::SessionPresenter& presenter);

private:
    void submit() override;
    wxTextCtrl* passphrase_ = nullptr;
};

} // namespace cd::ui
