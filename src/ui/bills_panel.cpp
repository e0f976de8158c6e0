#include "ui/bills_panel.h"

#include "core/money.h"
#include "ui/accounts_dialog.h"
#include "ui/message_text.h"
#include "ui/pay_dialog.h"

#include <wx/button.h>
#include <wx/intl.h>
#include <wx/listctrl.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace cd::ui {

BillsPanel::BillsPanel(wxWindow* parent, app::AppContext& context, app::PaymentResolver& resolver)
    : wxPanel(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxTAB_TRAVERSAL, "bills-due"),
      context_(context), resolver_(resolver) {
    summary_ = new wxStaticText(this, wxID_ANY, wxString());
    list_ = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                           wxLC_REPORT | wxLC_SINGLE_SEL, wxDefaultValidator, "bills-list");
    list_->AppendColumn(_("Payee"), wxLIST_FORMAT_LEFT, FromDIP(220));
    list_->AppendColumn(_("Account"), wxLIST_FORMAT_LEFT, FromDIP(120));
    list_->AppendColumn(_("Period"), wxLIST_FORMAT_LEFT, FromDIP(80));
    list_->AppendColumn(_("Amount"), wxLIST_FORMAT_RIGHT, FromDIP(100));
    list_->AppendColumn(_("Due"), wxLIST_FORMAT_LEFT, FromDIP(100));
    list_->AppendColumn(_("Status"), wxLIST_FORMAT_LEFT, FromDIP(140));
    pay_ = new wxButton(this, wxID_ANY, _("&Pay..."));
    auto* accounts = new wxButton(this, wxID_ANY, _("&Accounts..."));
    auto* refresh = new wxButton(this, wxID_REFRESH, _("&Refresh"));
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    buttons->Add(pay_, wxSizerFlags().Border(wxRIGHT, FromDIP(6)));
    buttons->Add(accounts, wxSizerFlags().Border(wxRIGHT, FromDIP(6)));
    buttons->AddStretchSpacer();
    buttons->Add(refresh);
    auto* column = new wxBoxSizer(wxVERTICAL);
    column->Add(summary_, wxSizerFlags().Expand().Border(wxALL, FromDIP(8)));
    column->Add(list_, wxSizerFlags(1).Expand().Border(wxLEFT | wxRIGHT, FromDIP(8)));
    column->Add(buttons, wxSizerFlags().Expand().Border(wxALL, FromDIP(8)));
    SetSizer(column);
    pay_->Disable();

    pay_->Bind(wxEVT_BUTTON, &BillsPanel::on_pay, this);
    accounts->Bind(wxEVT_BUTTON, &BillsPanel::on_accounts, this);
    refresh->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { presenter_->refresh(); });
    list_->Bind(wxEVT_LIST_ITEM_SELECTED,
                [this](wxListEvent&) { pay_->Enable(!selected_bill().empty()); });
    list_->Bind(wxEVT_LIST_ITEM_DESELECTED, [this](wxListEvent&) { pay_->Disable(); });
    list_->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent&) {
        if (!selected_bill().empty()) {
            pay(selected_bill());
        }
    });

    presenter_ = std::make_unique<app::BillsPresenter>(context_, *this, &resolver_);
}

BillsPanel::~BillsPanel() {
    presenter_.reset(); // no late answer reaches the controls
}

void BillsPanel::show_bills(const app::BillsState& state) {
    if (!state.signed_in) {
        summary_->SetLabel(_("Sign in to see the bills due for your accounts."));
    } else if (state.loading && state.groups.empty()) {
        summary_->SetLabel(_("Loading the bills due..."));
    } else if (!state.problem.empty()) {
        summary_->SetLabel(tr(state.problem));
    } else if (state.groups.empty()) {
        summary_->SetLabel(_("Nothing is due. Add an account to see its bills here."));
    } else {
        wxString text = wxString::Format(_("Total due: %s"), yuan(state.total_due));
        if (state.overdue > 0) {
            text += wxString::FromUTF8("  \xC2\xB7  ") +
                    wxString::Format(
                        wxPLURAL("%d bill is overdue", "%d bills are overdue", state.overdue),
                        state.overdue);
        }
        summary_->SetLabel(text);
    }

    const std::string keep = selected_bill();
    list_->Freeze();
    list_->DeleteAllItems();
    row_bills_.clear();
    for (const auto& group : state.groups) {
        const long heading = list_->InsertItem(list_->GetItemCount(), tr(group.title));
        list_->SetItem(heading, 3, yuan(group.total));
        wxFont bold = list_->GetFont();
        bold.MakeBold();
        list_->SetItemFont(heading, bold);
        row_bills_.emplace_back();
        for (const auto& row : group.bills) {
            const long i = list_->InsertItem(list_->GetItemCount(), "    " + from_utf8(row.payee));
            list_->SetItem(i, 1, from_utf8(row.bill.account_number));
            list_->SetItem(i, 2, from_utf8(row.bill.period));
            list_->SetItem(i, 3, yuan(row.bill.amount));
            list_->SetItem(i, 4, from_utf8(row.bill.due_date));
            wxString status;
            if (resolver_.in_flight(row.bill.id)) {
                status = _("Paying...");
            } else if (row.pending) {
                status = _("Payment pending: being checked");
            } else if (row.overdue) {
                status = wxString::Format(
                    wxPLURAL("Overdue by %d day", "Overdue by %d days", -row.days_left),
                    -row.days_left);
                list_->SetItemTextColour(i, *wxRED);
            } else {
                status = wxString::Format(
                    wxPLURAL("Due in %d day", "Due in %d days", row.days_left), row.days_left);
            }
            list_->SetItem(i, 5, status);
            row_bills_.push_back(row.bill.id);
            if (row.bill.id == keep) {
                list_->SetItemState(i, wxLIST_STATE_SELECTED, wxLIST_STATE_SELECTED);
            }
        }
    }
    list_->Thaw();
    pay_->Enable(!selected_bill().empty());
    if (accounts_) {
        accounts_->show_accounts(state.accounts, context_.chinese);
    }
    Layout();
}

void BillsPanel::show_account_result(const Message& problem) {
    if (accounts_) {
        accounts_->show_result(problem);
    }
}

std::string BillsPanel::selected_bill() const {
    const long i = list_->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    if (i < 0 || static_cast<std::size_t>(i) >= row_bills_.size()) {
        return {};
    }
    return row_bills_[static_cast<std::size_t>(i)];
}

std::vector<std::string> BillsPanel::listed_bills() const {
    std::vector<std::string> out;
    for (const auto& id : row_bills_) {
        if (!id.empty()) {
            out.push_back(id);
        }
    }
    return out;
}

void BillsPanel::pay(const std::string& bill_id) {
    auto bill = presenter_->find(bill_id);
    if (!bill) {
        return;
    }
    auto* dialog = new PayDialog(this, context_, resolver_, *bill);
    dialog->CentreOnParent();
    dialog->Show();
}

void BillsPanel::on_pay(wxCommandEvent&) {
    const auto id = selected_bill();
    if (!id.empty()) {
        pay(id);
    }
}

void BillsPanel::on_accounts(wxCommandEvent&) {
    if (!accounts_) {
        accounts_ = new AccountsDialog(this, *presenter_);
    }
    accounts_->show_accounts(presenter_->state().accounts, context_.chinese);
    accounts_->CentreOnParent();
    accounts_->Show();
    accounts_->Raise();
}

} // namespace cd::ui
