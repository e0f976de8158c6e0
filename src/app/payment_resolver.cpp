#include "app/payment_resolver.h"

#include "api/platform_client.h"
#include "core/money.h"
#include "diag/log.h"

namespace cd::app {

PayOutcome classify_payment_error(const Error& error) {
    if (api::payment_outcome_unknown(error)) {
        return PayOutcome::unknown;
    }
    const int s = error.http_status;
    if (s >= 400 && s < 500 && s != 401 && s != 403 && s != 408 && s != 429) {
        return PayOutcome::declined; // the platform looked at the order and refused it
    }
    return PayOutcome::not_sent;
}

namespace {

Message decline_reason(const Error& error) {
    if (error.http_status == 402) {
        return msg(N_("Declined: the wallet balance does not cover this bill. Nothing was "
                      "charged."));
    }
    if (error.http_status == 409) {
        return msg(N_("Declined: this bill has been paid already. Nothing was charged."));
    }
    if (error.http_status == 422) {
        return msg(N_("Declined: the amount no longer matches the bill. Nothing was charged; "
                      "refresh the bills and try again."));
    }
    return error.message_for_user();
}

} // namespace

PaymentResolver::PaymentResolver(AppContext& context) : context_(context) {
    events_ = Subscription(context_.events, lifetime_.guard([this](AppEvent e) {
        if (e == AppEvent::vault_unlocked || e == AppEvent::signed_in || e == AppEvent::online) {
            resolve_all();
        }
    }));
    if (context_.vault.unlocked() && context_.data.signed_in()) {
        resolve_all();
    }
}

void PaymentResolver::pay(const api::Bill& bill, const std::string& payee, Done done) {
    auto& callers = waiting_[bill.id];
    callers.push_back(std::move(done));
    if (callers.size() > 1) {
        return; // the same bill is on its way already: one request, every caller told
    }
    store::NewPayment fresh{bill.id,       payee,
                            bill.kind,     bill.account_number,
                            bill.amount,   new_idempotency_key("cdpay-"),
                            context_.now()};
    context_.vault.run<store::PaymentEntry>(
        [fresh](store::Vault& v) -> Result<store::PaymentEntry> {
            store::PaymentLedger ledger(v);
            auto open = ledger.unresolved();
            if (!open.ok()) {
                return open.error();
            }
            for (const auto& e : *open) {
                if (e.bill_id == fresh.bill_id) {
                    return e; // an earlier attempt whose outcome is unknown: same key again
                }
            }
            auto id = ledger.record_pending(fresh);
            if (!id.ok()) {
                return id.error();
            }
            auto entry = ledger.find(*id);
            if (!entry.ok()) {
                return entry.error();
            }
            if (!*entry) {
                return make_error(ErrorKind::storage, "the pending entry vanished");
            }
            return **entry;
        },
        lifetime_.guard([this, bill_id = bill.id](Result<store::PaymentEntry> entry) {
            if (!entry.ok()) {
                PayResult r;
                r.outcome = PayOutcome::not_sent;
                r.bill_id = bill_id;
                r.reason = msg(N_("The payment was not sent: it could not be written to your "
                                  "records first. Nothing was charged."));
                finish(bill_id, std::move(r));
                return;
            }
            context_.events.publish(AppEvent::payment_recorded);
            send(std::move(*entry));
        }));
}

void PaymentResolver::send(store::PaymentEntry entry) {
    const api::PaymentOrder order{entry.bill_id, entry.amount, entry.idempotency_key};
    call_platform<api::Payment>(
        context_.platform, context_.ui,
        [order](api::PlatformClient& c, auto done) { c.pay(order, done); },
        lifetime_.guard(
            [this, entry](Result<api::Payment> answer) { settle(entry, std::move(answer)); }));
}

void PaymentResolver::settle(const store::PaymentEntry& entry, Result<api::Payment> answer) {
    PayResult result;
    result.ledger_id = entry.id;
    result.bill_id = entry.bill_id;
    std::optional<store::PaymentStatus> status;
    std::optional<std::string> receipt;
    if (answer.ok()) {
        result.outcome = PayOutcome::paid;
        result.payment_id = answer->id;
        result.receipt_number = answer->receipt_no;
        status = store::PaymentStatus::paid;
        receipt = answer->receipt_no;
    } else {
        result.outcome = classify_payment_error(answer.error());
        diag::log(diag::Level::info, diag::Category::app,
                  "payment attempt ended: ", answer.error().log_line());
        switch (result.outcome) {
        case PayOutcome::declined:
            result.reason = decline_reason(answer.error());
            status = store::PaymentStatus::declined;
            break;
        case PayOutcome::unknown:
            result.reason =
                msg(N_("No clear answer from the platform yet. The payment is kept as pending: "
                       "the app asks the platform again when you retry, when the connection is "
                       "back and at the next start, and it will not be charged twice."));
            break;
        default:
            result.reason = msg(N_("The payment could not be sent now. It is kept as pending and "
                                   "is sent when you are signed in and online."));
            break;
        }
    }
    if (!status) {
        finish(entry.bill_id, std::move(result));
        return;
    }
    const auto at = context_.now();
    const auto id = entry.id;
    context_.vault.run<cd::Done>(
        [id, outcome = *status, receipt, at](store::Vault& v) -> Result<cd::Done> {
            return store::PaymentLedger(v).resolve(id, outcome, receipt, at);
        },
        lifetime_.guard([this, result](Result<cd::Done> stored) mutable {
            if (!stored.ok()) {
                diag::log(diag::Level::error, diag::Category::app,
                          "settling the ledger failed: ", stored.error().log_line());
            }
            context_.events.publish(AppEvent::payment_recorded);
            const std::string bill_id = result.bill_id; // not from the object being moved
            finish(bill_id, std::move(result));
        }));
}

void PaymentResolver::finish(const std::string& bill_id, PayResult result) {
    auto it = waiting_.find(bill_id);
    if (it == waiting_.end()) {
        return;
    }
    auto callers = std::move(it->second);
    waiting_.erase(it);
    for (auto& done : callers) {
        if (done) {
            done(result);
        }
    }
}

void PaymentResolver::tell_settled(const PayResult& r, const std::string& payee,
                                   const std::string& amount) {
    // The citizen may have closed the dialog, or the app, long ago: say what became of it.
    if (r.outcome == PayOutcome::paid) {
        context_.notifier.notify(msg(N_("A pending payment went through")),
                                 msg(N_("{0} yuan to {1}: paid, receipt number {2}."),
                                     {amount, payee, r.receipt_number}));
    } else if (r.outcome == PayOutcome::declined) {
        context_.notifier.notify(
            msg(N_("A pending payment was declined")),
            msg(N_("{0} yuan to {1}: declined, nothing was charged."), {amount, payee}));
    }
}

void PaymentResolver::resolve_all(std::function<void(std::vector<PayResult>)> done) {
    context_.vault.run<std::vector<store::PaymentEntry>>(
        [](store::Vault& v) { return store::PaymentLedger(v).unresolved(); },
        lifetime_.guard([this, done](Result<std::vector<store::PaymentEntry>> open) {
            if (!open.ok() || open->empty()) {
                if (done) {
                    done({});
                }
                return;
            }
            auto results = std::make_shared<std::vector<PayResult>>();
            auto left = std::make_shared<std::size_t>(open->size());
            for (auto& entry : *open) {
                auto collect = [this, results, left, done, payee = entry.payee,
                                amount = to_decimal_string(entry.amount)](PayResult r) {
                    tell_settled(r, payee, amount);
                    results->push_back(std::move(r));
                    if (--*left == 0 && done) {
                        done(*results);
                    }
                };
                auto& callers = waiting_[entry.bill_id];
                callers.push_back(collect);
                if (callers.size() == 1) {
                    send(entry);
                }
            }
        }));
}

} // namespace cd::app
