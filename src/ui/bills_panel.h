// "Bills due": the due bills grouped by kind with amount, due date and overdue marking, a
// total, and the buttons Pay…, Accounts… and Refresh. Implements app::BillsView; opens the
// pay-confirm dialog and the accounts dialog.
#pragma once

#include "app/bills_presenter.h"
#include "app/payment_resolver.h"

#include <wx/panel.h>

#include <memory>
#include <vector>

class wxButton;
class wxListCtrl;
class wxListEvent;
class wxStaticText;

namespace cd::ui {

class AccountsDialog;

class BillsPanel final : public wxPanel, public app::BillsView {
public:
    BillsPanel(wxWindow* parent, app::AppContext& context, app::PaymentResolver& resolver);
    ~BillsPanel() override;

    void show_bills(const app::BillsState& state) override;
    void show_account_result(const Message& problem) override;

    app::BillsPresenter& presenter() { return *presenter_; }
    // Opens the pay-confirm dialog for a listed bill (what Pay… does for the selected row).
    void pay(const std::string& bill_id);
    // Bill ids in list order (group headings left out), for tests.
    std::vector<std::string> listed_bills() const;

private:
    void on_pay(wxCommandEvent& event);
    void on_accounts(wxCommandEvent& event);
    std::string selected_bill() const;

    app::AppContext& context_;
    app::PaymentResolver& resolver_;
    wxStaticText* summary_ = nullptr;
    wxListCtrl* list_ = nullptr;
    wxButton* pay_ = nullptr;
    std::vector<std::string> row_bills_; // per list row: the bill id, empty for a heading
    AccountsDialog* accounts_ = nullptr;
    std::unique_ptr<app::BillsPresenter> presenter_;
};

} // namespace cd::ui
