#include "app/payment_resolver.h"

#include "api/platform_client.h"
#include "core/money.h"
#include "diag/log.h"
#include "store/vault_citizens.h"

namespace cd::app {

PayOutcome classify_payment_error(const Error& error) {
    if (api::payment_outcome_unknown(error)) {
        return PayOutcome::unknown;
    }
    const int s = error.http_status;
    if (s == 404) {
        // The platform does not know the bill under this session: a wrong session, a bill
        // moved or removed. It says nothing about a charge made earlier with this key.
        return PayOutcome::unknown;
    }
    if (s >= 400 && s < 500 && s != 401 && s != 403 && s != 408 && s != 429) {
        return PayOutcome::declined; // the platform looked at the order and refused it
    }
    return PayOutcome::not_sent;
}

namespace {

// The detail of the error a call gets when the client's session is not the entry's owner.
constexpr const char* other_session = "not sent: the session is not the payment owner's";

Error not_the_owners_session() {
    Error e = make_error(ErrorKind::auth, other_session);
    e.user_message = msg(N_("This payment was made by another citizen signed in on this "
                            "computer. It is kept as pending and is checked when they sign in."));
    return e;
}

bool is_other_session(const Error& error) {
    return error.kind == ErrorKind::auth && error.detail == other_session;
}

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

PayResult not_sent(const store::PaymentEntry& entry, Message reason) {
    PayResult r;
    r.outcome = PayOutcome::not_sent;
    r.ledger_id = entry.id;
    r.bill_id = entry.bill_id;
    r.reason = std::move(reason);
    return r;
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
    auto [it, fresh] = waiting_.try_emplace(bill.id);
    it->second.callers.push_back(std::move(done));
    if (!fresh) {
        return; // the same bill is on its way already: one request, every caller told
    }
    const std::string citizen = context_.data.citizen_id();
    if (citizen.empty()) {
        PayResult r;
        r.outcome = PayOutcome::not_sent;
        r.bill_id = bill.id;
        r.reason = msg(N_("Sign in first: the payment was not sent and nothing was charged."));
        finish(bill.id, std::move(r));
        return;
    }
    store::NewPayment fresh_entry{bill.id,        payee,
                                  bill.kind,      bill.account_number,
                                  bill.amount,    new_idempotency_key("cdpay-"),
                                  context_.now(), citizen};
    context_.vault.run<store::PaymentEntry>(
        [fresh_entry](store::Vault& v) -> Result<store::PaymentEntry> {
            store::PaymentLedger ledger(v);
            auto open = ledger.unresolved_of(fresh_entry.owner, false);
            if (!open.ok()) {
                return open.error();
            }
            for (const auto& e : *open) {
                if (e.bill_id == fresh_entry.bill_id) {
                    return e; // an earlier attempt whose outcome is unknown: same key again
                }
            }
            auto id = ledger.record_pending(fresh_entry);
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
            auto attempt = waiting_.find(bill_id);
            if (attempt == waiting_.end()) {
                return;
            }
            attempt->second.entry = *entry;
            send(*entry);
        }));
}

void PaymentResolver::ask(const store::PaymentEntry& entry, Done done, bool trigger) {
    auto [it, fresh] = waiting_.try_emplace(entry.bill_id);
    Attempt& attempt = it->second;
    attempt.callers.push_back(std::move(done));
    attempt.background = attempt.background || trigger;
    if (fresh) {
        attempt.entry = entry;
        send(entry);
    } else if (trigger) {
        // The attempt out now may have left before this reason to ask (the connection came
        // back, the citizen refreshed): if it ends without an outcome, ask once more.
        attempt.again = true;
    }
}

void PaymentResolver::send(const store::PaymentEntry& entry) {
    const api::PaymentOrder order{entry.bill_id, entry.amount, entry.idempotency_key};
    call_platform<api::Payment>(
        context_.platform, context_.ui,
        [order, owner = entry.owner](api::PlatformClient& c, auto done) {
            // Checked here, on the thread the request leaves from: never another's token.
            if (c.citizen_id() != owner) {
                done(Result<api::Payment>(not_the_owners_session()));
                return;
            }
            c.pay(order, done);
        },
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
        const Error& error = answer.error();
        result.outcome = classify_payment_error(error);
        diag::log(diag::Level::info, diag::Category::app, "payment ", entry.id,
                  " attempt ended: ", error.log_line());
        if (is_other_session(error)) {
            result.reason = error.message_for_user();
        } else if (error.http_status == 404) {
            diag::warn(diag::Category::app, "payment ", entry.id,
                       ": the platform answered 404 for its bill; kept pending, not declined (a "
                       "404 does not say that nothing was charged)");
            result.reason = msg(N_("The platform does not find this bill for the account signed "
                                   "in now. The payment is kept as pending, not taken as "
                                   "declined: it is asked about again with the same key and is "
                                   "never charged twice."));
        } else {
            switch (result.outcome) {
            case PayOutcome::declined:
                result.reason = decline_reason(error);
                status = store::PaymentStatus::declined;
                break;
            case PayOutcome::unknown:
                result.reason =
                    msg(N_("No clear answer from the platform yet. The payment is kept as pending: "
                           "the app asks the platform again when you retry, when the connection is "
                           "back and at the next start, and it will not be charged twice."));
                break;
            default:
                result.reason = msg(N_("The payment could not be sent now. It is kept as pending "
                                       "and is sent when you are signed in and online."));
                break;
            }
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
        lifetime_.guard([this, entry, result](Result<cd::Done> stored) mutable {
            if (!stored.ok()) {
                diag::log(diag::Level::error, diag::Category::app,
                          "settling the ledger failed: ", stored.error().log_line());
            } else {
                auto it = waiting_.find(entry.bill_id);
                if (it != waiting_.end() && it->second.background) {
                    tell_settled(entry, result);
                }
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
    Attempt& attempt = it->second;
    const bool open =
        result.outcome == PayOutcome::unknown || result.outcome == PayOutcome::not_sent;
    if (attempt.again && open && attempt.entry.id != 0 &&
        attempt.entry.owner == context_.data.citizen_id()) {
        attempt.again = false;
        diag::info(diag::Category::app, "payment ", attempt.entry.id,
                   ": asked again (a reason to ask came while the last attempt was out)");
        send(attempt.entry);
        return;
    }
    auto callers = std::move(attempt.callers);
    waiting_.erase(it);
    for (auto& done : callers) {
        if (done) {
            done(result);
        }
    }
}

void PaymentResolver::tell_settled(const store::PaymentEntry& entry, const PayResult& r) {
    if (!told_.insert(entry.id).second) {
        return; // told already: several triggers may settle the same entry
    }
    // The citizen may have closed the dialog, or the app, long ago: say what became of it.
    const std::string amount = to_decimal_string(entry.amount);
    if (r.outcome == PayOutcome::paid) {
        context_.notifier.notify_about(NoticeKind::payment,
                                       msg(N_("A pending payment went through")),
                                       msg(N_("{0} yuan to {1}: paid, receipt number {2}."),
                                           {amount, entry.payee, r.receipt_number}));
    } else if (r.outcome == PayOutcome::declined) {
        context_.notifier.notify_about(
            NoticeKind::payment, msg(N_("A pending payment was declined")),
            msg(N_("{0} yuan to {1}: declined, nothing was charged."), {amount, entry.payee}));
    }
}

void PaymentResolver::adopt_and_ask(store::PaymentEntry entry, const std::string& citizen,
                                    Done done) {
    const Message waits =
        msg(N_("This payment was recorded before the app noted who made it. It stays pending "
               "until the platform shows its bill to the citizen signed in."));
    call_platform<api::Bill>(
        context_.platform, context_.ui,
        [bill_id = entry.bill_id, citizen](api::PlatformClient& c, auto answer) {
            if (c.citizen_id() != citizen) {
                answer(Result<api::Bill>(not_the_owners_session()));
                return;
            }
            c.bill(bill_id, answer);
        },
        lifetime_.guard([this, entry, citizen, done, waits](Result<api::Bill> bill) mutable {
            if (!bill.ok()) {
                diag::info(diag::Category::app, "payment ", entry.id,
                           " (made before owners were recorded) left pending: its bill is not "
                           "confirmed for the signed-in citizen (",
                           bill.error().log_line(), ")");
                done(not_sent(entry, waits));
                return;
            }
            const std::int64_t id = entry.id;
            context_.vault.run<cd::Done>(
                [id, citizen](store::Vault& v) -> Result<cd::Done> {
                    return store::PaymentLedger(v).adopt(id, citizen);
                },
                lifetime_.guard(
                    [this, entry, citizen, done, waits](Result<cd::Done> adopted) mutable {
                        if (!adopted.ok() || context_.data.citizen_id() != citizen) {
                            done(not_sent(entry, waits));
                            return;
                        }
                        diag::info(diag::Category::app, "payment ", entry.id,
                                   " (made before owners were recorded) adopted: the platform "
                                   "shows its bill to the signed-in citizen");
                        entry.owner = citizen;
                        ask(entry, std::move(done), true);
                    }));
        }));
}

void PaymentResolver::resolve_all(std::function<void(std::vector<PayResult>)> done) {
    const std::string citizen = context_.data.citizen_id();
    if (citizen.empty() || !context_.vault.unlocked()) {
        // Nobody's session to ask with: every entry waits for its owner's sign-in.
        if (done) {
            done({});
        }
        return;
    }
    context_.vault.run<std::vector<store::PaymentEntry>>(
        [citizen,
         now = context_.now()](store::Vault& v) -> Result<std::vector<store::PaymentEntry>> {
            // Every sign-in comes here: the record of who has used this vault (vault_citizens.h).
            if (auto seen = store::VaultCitizens(v).note(citizen, now); !seen.ok()) {
                return seen.error();
            }
            return store::PaymentLedger(v).unresolved_of(citizen, true);
        },
        lifetime_.guard([this, done, citizen](Result<std::vector<store::PaymentEntry>> open) {
            if (!open.ok() || open->empty() || context_.data.citizen_id() != citizen) {
                if (done) {
                    done({});
                }
                return;
            }
            auto results = std::make_shared<std::vector<PayResult>>();
            auto left = std::make_shared<std::size_t>(open->size());
            for (auto& entry : *open) {
                auto collect = [results, left, done](PayResult r) {
                    results->push_back(std::move(r));
                    if (--*left == 0 && done) {
                        done(*results);
                    }
                };
                if (entry.owner.empty()) {
                    adopt_and_ask(entry, citizen, collect);
                } else {
                    ask(entry, collect, true);
                }
            }
        }));
}

void PaymentResolver::latest(const std::string& bill_id,
                             std::function<void(std::optional<store::PaymentEntry>)> done) {
    const std::string citizen = context_.data.citizen_id();
    if (citizen.empty() || !context_.vault.unlocked()) {
        done(std::nullopt);
        return;
    }
    context_.vault.run<std::optional<store::PaymentEntry>>(
        [bill_id, citizen](store::Vault& v) {
            return store::PaymentLedger(v).latest_for_bill(bill_id, citizen);
        },
        lifetime_.guard([done](Result<std::optional<store::PaymentEntry>> entry) {
            done(entry.ok() ? *entry : std::nullopt);
        }));
}

void PaymentResolver::check(const std::string& bill_id, Done done) {
    if (auto it = waiting_.find(bill_id); it != waiting_.end()) {
        it->second.callers.push_back(std::move(done));
        it->second.again = true;
        return;
    }
    latest(bill_id, [this, bill_id, done](std::optional<store::PaymentEntry> entry) {
        if (!entry) {
            PayResult r;
            r.outcome = PayOutcome::not_sent;
            r.bill_id = bill_id;
            done(r); // nothing waits for this bill: the dialog offers Pay now again
            return;
        }
        PayResult r;
        r.ledger_id = entry->id;
        r.bill_id = bill_id;
        switch (entry->status) {
        case store::PaymentStatus::paid:
            r.outcome = PayOutcome::paid;
            r.receipt_number = entry->receipt_number.value_or("");
            done(r);
            return;
        case store::PaymentStatus::declined:
            r.outcome = PayOutcome::declined;
            r.reason = msg(N_("This payment was declined. Nothing was charged."));
            done(r);
            return;
        default:
            ask(*entry, done, false);
        }
    });
}

} // namespace cd::app
