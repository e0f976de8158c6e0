// Signs the citizen in to the city platform: mobile number and password, or a code sent by
// text message.
#pragma once

#include "ui/session_dialog.h"

class wxRadioButton;

namespace cd::ui {

class SignInDialog final : public SessionDialog {
public:
    SignInDialog(wxWindow* parent, app::SessionPresenter& presenter);

private:
    void submit() override;
    void use_code(bool code);

    wxTextCtrl* phone_ = nullptr;
    wxRadioButton* by_password_ = nullptr;
    wxRadioButton* by_code_ = nullptr;
    wxTextCtrl* password_ = nullptr;
    wxTextCtrl* code_ = nullptr;
    wxButton* send_code_ = nullptr;
};

} // namespace cd::ui
