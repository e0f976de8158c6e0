// Asks for the passphrase that opens the citizen's data; stays open after a wrong one.
#pragma once

#include "ui/session_dialog.h"

namespace cd::ui {

class UnlockDialog final : public SessionDialog {
public:
    UnlockDialog(wxWindow* parent, app::SessionPresenter& presenter);
    // A wrong passphrase: the field is emptied for the next try.
    void clear_passphrase();

private:
    void submit() override;
    wxTextCtrl* passphrase_ = nullptr;
};

} // namespace cd::ui
