// Changes the passphrase of the citizen's data: the current one, then the new one twice.
#pragma once

#include "ui/session_dialog.h"

namespace cd::ui {

class ChangePassphraseDialog final : public SessionDialog {
public:
    ChangePassphraseDialog(wxWindow* parent, app::SessionPresenter& presenter);

private:
    void submit() override;
    wxTextCtrl* current_ = nullptr;
    wxTextCtrl* next_ = nullptr;
    wxTextCtrl* confirmation_ = nullptr;
};

} // namespace cd::ui
