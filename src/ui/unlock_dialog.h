// Asks for the passphrase that opens the citizen's data; stays open after a wrong one. When the
// file turns out damaged or unreadable it also offers the ways out: start over with a new
// vault (the old file kept aside) or restore a backup.
#pragma once

#include "ui/session_dialog.h"

class wxPanel;
class wxStaticText;

namespace cd::ui {

class UnlockDialog final : public SessionDialog {
public:
    UnlockDialog(wxWindow* parent, app::SessionPresenter& presenter);
    // A wrong passphrase: the field is emptied for the next try.
    void clear_passphrase();
    // Shows the two ways out below `why`; an empty message hides them.
    void offer_recovery(const Message& why);

private:
    void submit() override;
    wxTextCtrl* passphrase_ = nullptr;
    wxPanel* recovery_ = nullptr;
    wxStaticText* recovery_text_ = nullptr;
};

} // namespace cd::ui
