// Sends payments so that each bill is charged at most once, and settles the ledger. Every
// attempt is first written to the vault's ledger as pending with its Idempotency-Key, then the
// order leaves with that key. Paid and declined answers settle the entry; an unknown outcome
// (timeout, dropped connection, 5xx, a malformed answer) leaves it pending, and it is resolved
// by sending the same order with the SAME key again (the platform answers with its first
// result, or makes the one payment): on the next attempt, when the platform is back online,
// after the vault is unlocked and after sign-in (so at every start). One resolver per app: the
// payments page owns it; the pay dialog's presenter sends through it.
#pragma once

#include "api/platform_types.h"
#include "app/app_context.h"
#include "app/idempotency_key.h"
#include "store/payment_ledger.h"

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace cd::app {

enum class PayOutcome {
    paid,     // the platform took the payment: receipt number at hand
    declined, // the platform refused it: nothing was charged
    unknown,  // no clear answer yet: the entry stays pending and is asked about again
    not_sent, // it never left (signed out, vault locked): the entry stays pending
};

struct PayResult {
    PayOutcome outcome = PayOutcome::unknown;
    std::int64_t ledger_id = 0;
    std::string bill_id;
    std::string payment_id;     // paid
    std::string receipt_number; // paid
    Message reason;             // declined, unknown, not_sent: what happened / what comes next
};

// What a failed pay() means for the ledger.
PayOutcome classify_payment_error(const Error& error);

class PaymentResolver {
public:
    using Done = std::function<void(PayResult)>;

    explicit PaymentResolver(AppContext& context);

    // Pays `bill`: reuses the bill's unresolved ledger entry (and so its key) if there is one,
    // otherwise records a new pending entry; then sends. A second call for a bill whose payment
    // is in flight sends nothing and gets the same result when it arrives.
    void pay(const api::Bill& bill, const std::string& payee, Done done);

    // Asks the platform about every unresolved entry in the ledger (same key again).
    void resolve_all(std::function<void(std::vector<PayResult>)> done = {});

    bool in_flight(const std::string& bill_id) const { return waiting_.count(bill_id) > 0; }

private:
    void send(store::PaymentEntry entry);
    void settle(const store::PaymentEntry& entry, Result<api::Payment> answer);
    void finish(const std::string& bill_id, PayResult result);
    // A desktop notification for an outcome settled in the background (start, unlock, online).
    void tell_settled(const PayResult& r, const std::string& payee, const std::string& amount);

    AppContext& context_;
    std::map<std::string, std::vector<Done>> waiting_; // bill id -> callers of the attempt
    Subscription events_;
    Lifetime lifetime_; // last: destroyed first, so late results are dropped
};

} // namespace cd::app
