#include "ui/sign_in_dialog.h"

#include <wx/button.h>
#include <wx/radiobut.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace cd::ui {

SignInDialog::SignInDialog(wxWindow* parent, app::SessionPresenter& presenter)
    : SessionDialog(parent, presenter, app::SessionDialog::sign_in, _("Sign In"),
                    "sign_in_dialog") {
    add_intro(_("Sign in to the city platform to see your bills, payments, applications and "
                "appointments. You stay signed in on this computer until you sign out."));
    phone_ = add_field(_("Mobile number:"), "phone", false);
    by_password_ = new wxRadioButton(this, wxID_ANY, _("With my &password"), wxDefaultPosition,
                                     wxDefaultSize, wxRB_GROUP, wxDefaultValidator, "by_password");
    by_code_ =
        new wxRadioButton(this, wxID_ANY, _("With a code sent by &text message"), wxDefaultPosition,
                          wxDefaultSize, 0, wxDefaultValidator, "by_code");
    auto* choice = new wxBoxSizer(wxVERTICAL);
    choice->Add(by_password_);
    choice->Add(by_code_, wxSizerFlags().Border(wxTOP, FromDIP(4)));
    add_row(new wxStaticText(this, wxID_ANY, _("Sign in:")), choice);
    password_ = add_field(_("Password:"), "password", true);
    code_ = add_field(_("Code:"), "code", false);
    send_code_ = new wxButton(this, wxID_ANY, _("&Send Code"), wxDefaultPosition, wxDefaultSize, 0,
                              wxDefaultValidator, "send_code");
    add_row(new wxStaticText(this, wxID_ANY, wxString()), send_code_);
    finish(_("Sign &In"));

    by_password_->Bind(wxEVT_RADIOBUTTON, [this](wxCommandEvent&) { use_code(false); });
    by_code_->Bind(wxEVT_RADIOBUTTON, [this](wxCommandEvent&) { use_code(true); });
    send_code_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        presenter_.request_code(phone_->GetValue().ToStdString(wxConvUTF8));
    });
    use_code(false);
    phone_->SetFocus();
}

void SignInDialog::use_code(bool code) {
    by_code_->SetValue(code);
    by_password_->SetValue(!code);
    password_->Enable(!code);
    code_->Enable(code);
    send_code_->Enable(code);
}

void SignInDialog::submit() {
    const std::string phone = phone_->GetValue().ToStdString(wxConvUTF8);
    if (by_code_->GetValue()) {
        presenter_.sign_in_with_code(phone, code_->GetValue().ToStdString(wxConvUTF8));
    } else {
        presenter_.sign_in_with_password(phone, take_secret(password_));
    }
}

} // namespace cd::ui
