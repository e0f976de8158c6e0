// The way out of a damaged vault: a new passphrase (typed twice, with the strength meter) for a
// new, empty vault; the old file is kept aside, never deleted.
#pragma once

#include "ui/session_dialog.h"

namespace cd::ui {

class StartOverDialog final : public SessionDialog {
public:
    StartOverDialog(wxWindow* parent, app::SessionPresenter& presenter);

private:
    void submit() override;
    wxTextCtrl* passphrase_ = nullptr;
    wxTextCtrl* confirmation_ = nullptr;
};

} // namespace cd::ui
