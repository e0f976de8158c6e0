// "Accounts": the utility and fee accounts bills come from; add one (kind, number as printed on
// the bill, an optional name) or remove the selected one. Forwards to app::BillsPresenter and
// shows what the presenter answers.
#pragma once

#include "app/bills_presenter.h"

#include <wx/dialog.h>

#include <string>
#include <vector>

class wxChoice;
class wxListBox;
class wxStaticText;
class wxTextCtrl;

namespace cd::ui {

class AccountsDialog final : public wxDialog {
public:
    AccountsDialog(wxWindow* parent, app::BillsPresenter& presenter);

    void show_accounts(const std::vector<api::Account>& accounts, bool chinese);
    void show_result(const Message& problem);

private:
    app::BillsPresenter& presenter_;
    wxListBox* list_ = nullptr;
    wxChoice* kind_ = nullptr;
    wxTextCtrl* number_ = nullptr;
    wxTextCtrl* label_ = nullptr;
    wxStaticText* result_ = nullptr;
    std::vector<std::string> ids_;
};

} // namespace cd::ui
