#include "app/payment_presenter.h"

#include "app/bills_presenter.h"
#include "core/amount_words.h"
#include "core/money.h"

namespace cd::app {

PaymentPresenter::PaymentPresenter(AppContext& context, PaymentResolver& resolver,
                                   PaymentView& view, api::Bill bill)
    : context_(context), resolver_(resolver), view_(view), bill_(std::move(bill)),
      payee_(localized(bill_.provider, context_.chinese)) {
    state_.confirmation =
        msg(N_("Pay {0} yuan to {1} for account {2} (bill for {3}, due {4}).\n\nThe amount is "
               "taken from your platform wallet. The payment is written to your encrypted "
               "history before it is sent, and this bill is never charged twice, even if the "
               "connection fails."),
            {to_decimal_string(bill_.amount), payee_, bill_.account_number, bill_.period,
             bill_.due_date});
    state_.amount_in_words = msg(N_("You are paying {0} yuan ({1}) to {2}."),
                                 {to_decimal_string(bill_.amount),
                                  context_.chinese ? amount_in_chinese_capitals(bill_.amount)
                                                   : amount_in_english_words(bill_.amount),
                                  payee_});
    if (resolver_.in_flight(bill_.id)) {
        // Opened again while this bill's payment is on its way: join it, send nothing.
        state_.stage = PayStage::sending;
        state_.can_confirm = false;
        state_.outcome = msg(N_("Paying..."));
        resolver_.pay(bill_, payee_, lifetime_.guard([this](PayResult r) { on_result(r); }));
    } else {
        resolver_.latest(
            bill_.id, lifetime_.guard([this](std::optional<store::PaymentEntry> entry) {
                const bool open = entry && (entry->status == store::PaymentStatus::pending ||
                                            entry->status == store::PaymentStatus::unknown);
                if (open && state_.stage == PayStage::confirm) {
                    show_pending(msg(N_("A payment for this bill is still being "
                                        "checked. Check status asks the platform "
                                        "about it; it is never charged twice.")));
                }
            }));
    }
    show();
}

void PaymentPresenter::show_pending(const Message& why) {
    state_.stage = PayStage::pending;
    state_.outcome = why;
    state_.can_confirm = true;
    state_.check_status = true;
    show();
}

void PaymentPresenter::confirm() {
    if (!state_.can_confirm) {
        return; // a double click, or a settled payment: nothing more is sent
    }
    state_.stage = PayStage::sending;
    state_.can_confirm = false;
    auto done = lifetime_.guard([this](PayResult r) { on_result(r); });
    if (state_.check_status) {
        state_.outcome = msg(N_("Checking..."));
        show();
        resolver_.check(bill_.id, std::move(done));
        return;
    }
    state_.outcome = msg(N_("Paying..."));
    show();
    resolver_.pay(bill_, payee_, std::move(done));
}

void PaymentPresenter::on_result(const PayResult& r) {
    switch (r.outcome) {
    case PayOutcome::paid:
        state_.stage = PayStage::paid;
        state_.check_status = false;
        state_.receipt_number = r.receipt_number;
        state_.outcome = msg(N_("Paid. Receipt number {0}."), {r.receipt_number});
        show();
        fetch_receipt(r.payment_id);
        return;
    case PayOutcome::declined:
        state_.stage = PayStage::declined;
        state_.check_status = false;
        state_.outcome = r.reason;
        break;
    case PayOutcome::unknown:
        show_pending(r.reason); // asking again is safe: same key
        return;
    case PayOutcome::not_sent:
        if (r.ledger_id == 0) {
            // Nothing is pending for this bill (not recorded, or Check status found nothing
            // waiting): paying is offered again.
            state_.stage = PayStage::confirm;
            state_.outcome = r.reason;
            state_.can_confirm = true;
            state_.check_status = false;
            break;
        }
        show_pending(r.reason);
        return;
    }
    show();
}

void PaymentPresenter::fetch_receipt(const std::string& payment_id) {
    if (payment_id.empty()) {
        return;
    }
    call_platform<api::Receipt>(
        context_.platform, context_.ui,
        [payment_id](api::PlatformClient& c, auto done) { c.receipt(payment_id, done); },
        lifetime_.guard([this](Result<api::Receipt> r) {
            if (r.ok()) {
                api::Receipt receipt = std::move(*r);
                if (receipt.account_number.empty()) {
                    receipt.account_number = bill_.account_number; // a platform that omits it
                }
                state_.receipt = make_receipt(receipt, context_.chinese,
                                              local_utc_offset_minutes(context_.now()));
                show();
            }
        }));
}

} // namespace cd::app
