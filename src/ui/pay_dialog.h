// The "pay-confirm" dialog: states payee, account, amount and what will happen; Pay now sends
// (once, however often it is pressed) and the dialog then says the outcome. For a bill whose
// payment is still pending the button is Check status. After a payment its receipt opens here.
// Implements app::PaymentView; the rules are in PaymentPresenter.
#pragma once

#include "app/payment_presenter.h"

#include <wx/dialog.h>

#include <memory>

class wxButton;
class wxStaticText;

namespace cd::ui {

class PayDialog final : public wxDialog, public app::PaymentView {
public:
    PayDialog(wxWindow* parent, app::AppContext& context, app::PaymentResolver& resolver,
              api::Bill bill);

    void show_payment(const app::PayState& state) override;

    // The confirm button ("Pay now" or "Check status"), for tests and keyboard users.
    wxButton* confirm_button() const { return confirm_; }
    wxString outcome_text() const;
    wxString amount_in_words_text() const; // "" unless elder mode is on
    const app::PaymentPresenter& presenter() const { return *presenter_; }

private:
    void open_receipt();

    app::AppContext& context_;
    wxStaticText* confirmation_ = nullptr;
    wxStaticText* in_words_ = nullptr; // elder mode: the amount said in words
    wxStaticText* outcome_ = nullptr;
    wxButton* confirm_ = nullptr;
    wxButton* receipt_ = nullptr;
    wxString confirmation_text_;
    std::unique_ptr<app::PaymentPresenter> presenter_; // after the controls it drives
};

} // namespace cd::ui
