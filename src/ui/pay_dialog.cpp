#include "ui/pay_dialog.h"

#include "ui/message_text.h"
#include "ui/receipt_view.h"
#include "ui/text_wrap.h"

#include <wx/button.h>
#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace cd::ui {

PayDialog::PayDialog(wxWindow* parent, app::AppContext& context, app::PaymentResolver& resolver,
                     api::Bill bill)
    : wxDialog(parent, wxID_ANY, _("Pay a bill"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE, "pay-confirm"),
      context_(context) {
    confirmation_ = new wxStaticText(this, wxID_ANY, wxString());
    in_words_ = new wxStaticText(this, wxID_ANY, wxString());
    outcome_ = new wxStaticText(this, wxID_ANY, wxString());
    confirm_ = new wxButton(this, wxID_OK, _("&Pay now"));
    receipt_ = new wxButton(this, wxID_ANY, _("Show &receipt..."));
    auto* close = new wxButton(this, wxID_CANCEL, _("&Close"));
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    buttons->Add(confirm_, wxSizerFlags().Border(wxRIGHT, FromDIP(6)));
    buttons->Add(receipt_, wxSizerFlags().Border(wxRIGHT, FromDIP(6)));
    buttons->AddStretchSpacer();
    buttons->Add(close);
    auto* column = new wxBoxSizer(wxVERTICAL);
    column->Add(confirmation_, wxSizerFlags().Expand().Border(wxALL, FromDIP(12)));
    column->Add(in_words_,
                wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(12)));
    column->Add(outcome_, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT, FromDIP(12)));
    column->Add(buttons, wxSizerFlags().Expand().Border(wxALL, FromDIP(12)));
    SetSizer(column);
    receipt_->Hide();
    in_words_->Show(context.elder_mode);
    if (context.elder_mode) {
        wxFont bold = in_words_->GetFont();
        bold.SetWeight(wxFONTWEIGHT_BOLD);
        in_words_->SetFont(bold);
    }
    confirm_->SetDefault();

    confirm_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { presenter_->confirm(); });
    receipt_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { open_receipt(); });
    close->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (IsModal()) {
            EndModal(wxID_CANCEL);
        } else {
            Destroy();
        }
    });
    Bind(wxEVT_CLOSE_WINDOW, [this](wxCloseEvent&) { Destroy(); });

    presenter_ = std::make_unique<app::PaymentPresenter>(context, resolver, *this, std::move(bill));
}

void PayDialog::show_payment(const app::PayState& state) {
    if (confirmation_text_.empty()) {
        confirmation_text_ = tr(state.confirmation);
        confirmation_->SetLabel(wrap_to_width(*confirmation_, confirmation_text_, FromDIP(440)));
        if (context_.elder_mode) {
            in_words_->SetLabel(wrap_to_width(*in_words_, tr(state.amount_in_words), FromDIP(440)));
        }
    }
    wxString outcome = tr(state.outcome);
    outcome_->SetLabel(wrap_to_width(*outcome_, outcome, FromDIP(440)));
    confirm_->Enable(state.can_confirm);
    confirm_->SetLabel(state.check_status ? _("&Check status") : _("&Pay now"));
    receipt_->Show(state.receipt.has_value());
    Layout();
    Fit();
}

wxString PayDialog::amount_in_words_text() const {
    return in_words_->GetLabel();
}

wxString PayDialog::outcome_text() const {
    return outcome_->GetLabel();
}

void PayDialog::open_receipt() {
    if (!presenter_->state().receipt) {
        return;
    }
    auto* view = new ReceiptView(this, context_, *presenter_->state().receipt);
    view->Show();
}

} // namespace cd::ui
