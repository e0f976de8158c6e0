// First run: choose the passphrase that encrypts the citizen's data (typed twice), with the
// rules and a strength meter.
#pragma once

#include "ui/session_dialog.h"

namespace cd::ui {

class CreateVaultDialog final : public SessionDialog {
public:
    CreateVaultDialog(wxWindow* parent, app::SessionPresenter& presenter);

private:
    void submit() override;
    wxTextCtrl* passphrase_ = nullptr;
    wxTextCtrl* confirmation_ = nullptr;
};

} // namespace cd::ui
