#include "ui/create_vault_dialog.h"

#include "ui/message_text.h"

#include <wx/textctrl.h>

namespace cd::ui {

CreateVaultDialog::CreateVaultDialog(wxWindow* parent, app::SessionPresenter& presenter)
    : SessionDialog(parent, presenter, app::SessionDialog::create_vault, _("Protect Your Data"),
                    "create_vault_dialog") {
    add_intro(_("Your bills, payments and applications are kept on this computer, encrypted "
                "with a passphrase that only you know. Nobody can recover it for you: choose "
                "one you will remember.") +
              "\n\n" + tr(store::passphrase_rules()));
    passphrase_ = add_field(_("Passphrase:"), "passphrase", true);
    add_strength_for(passphrase_);
    confirmation_ = add_field(_("Type it again:"), "confirmation", true);
    finish(_("&Create"));
    passphrase_->SetFocus();
}

void CreateVaultDialog::submit() {
    presenter_.create_vault(take_secret(passphrase_), take_secret(confirmation_));
}

} // namespace cd::ui
