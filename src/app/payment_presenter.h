// The pay dialog's behaviour: it states payee, account, amount and what will happen; Confirm
// sends the payment through the PaymentResolver (ledger first, then the request, one request per
// bill however often Confirm is pressed); then it says the outcome: paid with the receipt
// number (and fetches the receipt), declined and why, or not known yet and what the app does
// about it. A bill whose payment is still pending (an earlier attempt without an outcome) opens
// saying so, and its button is Check status: it asks the platform about that payment with the
// same key and never starts a new one.
#pragma once

#include "api/platform_types.h"
#include "app/app_context.h"
#include "app/payment_resolver.h"
#include "app/receipt_text.h"

#include <optional>
#include <string>

namespace cd::app {

enum class PayStage { confirm, sending, paid, declined, pending };

struct PayState {
    PayStage stage = PayStage::confirm;
    Message confirmation; // payee, account, amount and what happens next
    Message outcome;      // after an answer: what happened
    // The amount in words (Chinese uppercase numerals in Chinese), for elder mode's rule that
    // every payment is confirmed in words.
    Message amount_in_words;
    std::string receipt_number;
    std::optional<ReceiptDocument> receipt; // fetched after a payment
    bool can_confirm = true;                // false while sending and once settled
    bool check_status = false; // the button asks about the pending payment ("Check status")
};

class PaymentView {
public:
    virtual ~PaymentView() = default;
    virtual void show_payment(const PayState& state) = 0;
};

class PaymentPresenter {
public:
    PaymentPresenter(AppContext& context, PaymentResolver& resolver, PaymentView& view,
                     api::Bill bill);

    // Sends the payment, or with check_status asks about the pending one; ignored while one is
    // on its way or once it is settled.
    void confirm();

    const PayState& state() const { return state_; }
    const api::Bill& bill() const { return bill_; }

private:
    void on_result(const PayResult& r);
    void show_pending(const Message& why);
    void fetch_receipt(const std::string& payment_id);
    void show() { view_.show_payment(state_); }

    AppContext& context_;
    PaymentResolver& resolver_;
    PaymentView& view_;
    api::Bill bill_;
    std::string payee_;
    PayState state_;
    Lifetime lifetime_; // last: destroyed first, so late results are dropped
};

} // namespace cd::app
