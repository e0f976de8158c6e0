#include "ui/accounts_dialog.h"

#include "app/platform_data.h"
#include "ui/accessible_names.h"
#include "ui/message_text.h"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/intl.h>
#include <wx/listbox.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace cd::ui {

AccountsDialog::AccountsDialog(wxWindow* parent, app::BillsPresenter& presenter)
    : wxDialog(parent, wxID_ANY, _("Accounts"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER, "accounts"),
      presenter_(presenter) {
    list_ = new wxListBox(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(420, 180)));
    auto* remove = new wxButton(this, wxID_REMOVE, _("&Remove"));
    kind_ = new wxChoice(this, wxID_ANY);
    for (const auto& kind : app::bill_kinds()) {
        kind_->Append(tr(app::bill_kind_title(kind)));
    }
    kind_->SetSelection(0);
    number_ = new wxTextCtrl(this, wxID_ANY);
    number_->SetHint(_("Account number as printed on the bill"));
    label_ = new wxTextCtrl(this, wxID_ANY);
    label_->SetHint(_("Your name for it (optional)"));
    auto* add = new wxButton(this, wxID_ADD, _("&Add"));
    result_ = new wxStaticText(this, wxID_ANY, wxString());
    auto* close = new wxButton(this, wxID_CLOSE, _("&Close"));

    auto* form = new wxFlexGridSizer(2, FromDIP(wxSize(8, 6)));
    form->AddGrowableCol(1);
    form->Add(label_for(kind_, _("Kind:")), wxSizerFlags().CenterVertical());
    form->Add(kind_, wxSizerFlags().Expand());
    form->Add(label_for(number_, _("Number:")), wxSizerFlags().CenterVertical());
    form->Add(number_, wxSizerFlags().Expand());
    form->Add(label_for(label_, _("Name:")), wxSizerFlags().CenterVertical());
    form->Add(label_, wxSizerFlags().Expand());
    auto* column = new wxBoxSizer(wxVERTICAL);
    column->Add(new wxStaticText(this, wxID_ANY, _("Your accounts:")),
                wxSizerFlags().Border(wxLEFT | wxTOP | wxRIGHT, FromDIP(10)));
    column->Add(list_, wxSizerFlags(1).Expand().Border(wxALL, FromDIP(10)));
    column->Add(remove, wxSizerFlags().Border(wxLEFT | wxRIGHT, FromDIP(10)));
    column->Add(new wxStaticText(this, wxID_ANY, _("Add an account:")),
                wxSizerFlags().Border(wxLEFT | wxTOP | wxRIGHT, FromDIP(10)));
    column->Add(form, wxSizerFlags().Expand().Border(wxALL, FromDIP(10)));
    column->Add(add, wxSizerFlags().Border(wxLEFT | wxRIGHT, FromDIP(10)));
    column->Add(result_, wxSizerFlags().Expand().Border(wxALL, FromDIP(10)));
    column->Add(close, wxSizerFlags().Right().Border(wxALL, FromDIP(10)));
    SetSizerAndFit(column);
    SetEscapeId(wxID_CLOSE);

    add->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        const int k = kind_->GetSelection();
        if (k == wxNOT_FOUND) {
            return;
        }
        result_->SetLabel(_("Adding..."));
        presenter_.add_account(app::bill_kinds()[static_cast<std::size_t>(k)],
                               number_->GetValue().utf8_string(), label_->GetValue().utf8_string());
    });
    remove->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        const int i = list_->GetSelection();
        if (i == wxNOT_FOUND || static_cast<std::size_t>(i) >= ids_.size()) {
            return;
        }
        result_->SetLabel(_("Removing..."));
        presenter_.remove_account(ids_[static_cast<std::size_t>(i)]);
    });
    close->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Hide(); });
    Bind(wxEVT_CLOSE_WINDOW, [this](wxCloseEvent&) { Hide(); });
}

void AccountsDialog::show_accounts(const std::vector<api::Account>& accounts, bool chinese) {
    list_->Clear();
    ids_.clear();
    const wxString dot = wxString::FromUTF8(" \xC2\xB7 ");
    for (const auto& a : accounts) {
        list_->Append(tr(app::bill_kind_title(a.kind)) + dot +
                      from_utf8(app::localized(a.provider, chinese)) + dot + from_utf8(a.number) +
                      dot + from_utf8(app::localized(a.label, chinese)));
        ids_.push_back(a.id);
    }
}

void AccountsDialog::show_result(const Message& problem) {
    if (problem.empty()) {
        result_->SetLabel(_("Done."));
        number_->Clear();
        label_->Clear();
    } else {
        result_->SetLabel(tr(problem));
    }
    Layout();
}

} // namespace cd::ui
