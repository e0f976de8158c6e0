#include "ui/unlock_dialog.h"

#include "ui/message_text.h"

#include <wx/button.h>
#include <wx/panel.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace cd::ui {

UnlockDialog::UnlockDialog(wxWindow* parent, app::SessionPresenter& presenter)
    : SessionDialog(parent, presenter, app::SessionDialog::unlock, _("Unlock My Data"),
                    "unlock_dialog") {
    add_intro(_("Type your passphrase to open your bills, payments and applications on this "
                "computer."));
    passphrase_ = add_field(_("Passphrase:"), "passphrase", true);

    recovery_ =
        new wxPanel(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxTAB_TRAVERSAL, "recovery");
    recovery_text_ = new wxStaticText(recovery_, wxID_ANY, wxString());
    auto* start_over = new wxButton(
        recovery_, wxID_ANY, _("Start over with a new vault (the damaged file is kept aside)"),
        wxDefaultPosition, wxDefaultSize, 0, wxDefaultValidator, "start_over");
    auto* restore =
        new wxButton(recovery_, wxID_ANY, _("Restore from a backup..."), wxDefaultPosition,
                     wxDefaultSize, 0, wxDefaultValidator, "restore_backup");
    auto* column = new wxBoxSizer(wxVERTICAL);
    column->Add(recovery_text_, wxSizerFlags().Expand().Border(wxBOTTOM, FromDIP(6)));
    column->Add(start_over, wxSizerFlags().Expand().Border(wxBOTTOM, FromDIP(4)));
    column->Add(restore, wxSizerFlags().Expand());
    recovery_->SetSizer(column);
    add_after_messages(recovery_);
    recovery_->Hide();
    start_over->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { presenter_.start_over_requested(); });
    restore->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { presenter_.restore_requested(); });

    finish(_("&Unlock"));
    passphrase_->SetFocus();
}

void UnlockDialog::clear_passphrase() {
    passphrase_->Clear();
    passphrase_->SetFocus();
}

void UnlockDialog::offer_recovery(const Message& why) {
    recovery_text_->SetLabel(why.empty() ? wxString() : tr(why));
    recovery_text_->Wrap(FromDIP(420));
    recovery_->Show(!why.empty());
    recovery_->Layout();
    recovery_->Fit();
    Layout();
    Fit();
}

void UnlockDialog::submit() {
    presenter_.unlock(take_secret(passphrase_));
}

} // namespace cd::ui
