#include "ui/unlock_dialog.h"

#include <wx/textctrl.h>

namespace cd::ui {

UnlockDialog::UnlockDialog(wxWindow* parent, app::SessionPresenter& presenter)
    : SessionDialog(parent, presenter, app::SessionDialog::unlock, _("Unlock My Data"),
                    "unlock_dialog") {
    add_intro(_("Type your passphrase to open your bills, payments and applications on this "
                "computer."));
    passphrase_ = add_field(_("Passphrase:"), "passphrase", true);
    finish(_("&Unlock"));
    passphrase_->SetFocus();
}

void UnlockDialog::clear_passphrase() {
    passphrase_->Clear();
    passphrase_->SetFocus();
}

void UnlockDialog::submit() {
    presenter_.unlock(take_secret(passphrase_));
}

} // namespace cd::ui
