#include "ui/change_passphrase_dialog.h"

#include "ui/message_text.h"

#include <wx/textctrl.h>

namespace cd::ui {

ChangePassphraseDialog::ChangePassphraseDialog(wxWindow* parent, app::SessionPresenter& presenter)
    : SessionDialog(parent, presenter, app::SessionDialog::change_passphrase,
                    _("Change Passphrase"), "change_passphrase_dialog") {
    add_intro(tr(store::passphrase_rules()));
    current_ = add_field(_("Current passphrase:"), "current", true);
    next_ = add_field(_("New passphrase:"), "passphrase", true);
    add_strength_for(next_);
    confirmation_ = add_field(_("Type it again:"), "confirmation", true);
    finish(_("C&hange"));
    current_->SetFocus();
}

void ChangePassphraseDialog::submit() {
    presenter_.change_passphrase(take_secret(current_), take_secret(next_),
                                 take_secret(confirmation_));
}

} // namespace cd::ui
