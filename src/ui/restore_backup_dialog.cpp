#include "ui/restore_backup_dialog.h"

#include <wx/textctrl.h>

namespace cd::ui {

RestoreBackupDialog::RestoreBackupDialog(wxWindow* parent, app::SessionPresenter& presenter)
    : SessionDialog(parent, presenter, app::SessionDialog::restore_backup,
                    _("Restore From a Backup"), "restore_backup_dialog") {
    add_intro(_("Your data comes back as it was when the backup was made. Type the passphrase "
                "that protected the backup. The file it replaces is kept in the same folder, "
                "not deleted."));
    passphrase_ = add_field(_("Passphrase of the backup:"), "passphrase", true);
    finish(_("&Restore"));
    passphrase_->SetFocus();
}

void RestoreBackupDialog::submit() {
    presenter_.restore_backup(take_secret(passphrase_));
}

} // namespace cd::ui
