#include "ui/start_over_dialog.h"

#include "ui/message_text.h"

#include <wx/textctrl.h>

namespace cd::ui {

StartOverDialog::StartOverDialog(wxWindow* parent, app::SessionPresenter& presenter)
    : SessionDialog(parent, presenter, app::SessionDialog::start_over,
                    _("Start Over With a New Vault"), "start_over_dialog") {
    add_intro(_("A new, empty vault replaces the one on this computer. The old file is not "
                "deleted: it is kept in the same folder, so nothing is lost if it can be "
                "repaired or opened later.") +
              "\n\n" + tr(store::passphrase_rules()));
    passphrase_ = add_field(_("New passphrase:"), "passphrase", true);
    add_strength_for(passphrase_);
    confirmation_ = add_field(_("Type it again:"), "confirmation", true);
    finish(_("&Start Over"));
    passphrase_->SetFocus();
}

void StartOverDialog::submit() {
    auto passphrase = take_secret(passphrase_);
    presenter_.start_over(std::move(passphrase), take_secret(confirmation_));
}

} // namespace cd::ui
