// Sends payments so that each bill is charged at most once, and settles the ledger. Every
// attempt is first written to the vault's ledger as pending with its Idempotency-Key, then the
// order leaves with that key. Paid and declined answers settle the entry; an unknown outcome
// (timeout, dropped connection, 5xx, a malformed answer, a 404) leaves it pending, and it is
// resolved by sending the same order with the SAME key again (the platform answers with its
// first result, or makes the one payment): when the citizen retries or presses Check status, at
// start, after the vault is unlocked, after sign-in, when the platform is back online and when
// the bills are refreshed. A reason to ask that arrives while the bill's attempt is still out
// asks once more after it, if that attempt ended without an outcome. One resolver per app: the
// payments page owns it; the pay dialog's presenter sends through it.
//
// Whose payment: every entry belongs to the citizen who made it, and only that citizen's
// session asks about it (checked just before the request leaves, so a sign-out and another
// sign-in meanwhile cannot send it with another citizen's token). Another citizen's pending
// entries stay pending and untouched. An entry made before owners were recorded is adopted by
// the signed-in citizen only when the platform shows that citizen the entry's bill (bills are
// per citizen); otherwise it waits untouched.
#pragma once

#include "api/platform_types.h"
#include "app/app_context.h"
#include "app/idempotency_key.h"
#include "store/payment_ledger.h"

#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace cd::app {

enum class PayOutcome {
    paid,     // the platform took the payment: receipt number at hand
    declined, // the platform refused it: nothing was charged
    unknown,  // no clear answer yet: the entry stays pending and is asked about again
    not_sent, // it never left (signed out, vault locked, another citizen's): stays pending
};

struct PayResult {
    PayOutcome outcome = PayOutcome::unknown;
    std::int64_t ledger_id = 0;
    std::string bill_id;
    std::string payment_id;     // paid
    std::string receipt_number; // paid
    Message reason;             // declined, unknown, not_sent: what happened / what comes next
};

// What a failed pay() means for the ledger. A 404 is never "declined": it says the platform
// does not know the bill for this session, not that nothing was charged.
PayOutcome classify_payment_error(const Error& error);

class PaymentResolver {
public:
    using Done = std::function<void(PayResult)>;

    explicit PaymentResolver(AppContext& context);

    // Pays `bill`: reuses the bill's unresolved ledger entry (and so its key) if there is one,
    // otherwise records a new pending entry for the signed-in citizen; then sends. A second
    // call for a bill whose payment is in flight sends nothing and gets the same result.
    void pay(const api::Bill& bill, const std::string& payee, Done done);

    // Asks the platform about every unresolved entry of the signed-in citizen (same key again).
    void resolve_all(std::function<void(std::vector<PayResult>)> done = {});

    // The signed-in citizen's newest ledger entry for the bill (nullopt: none, or signed out).
    void latest(const std::string& bill_id,
                std::function<void(std::optional<store::PaymentEntry>)> done);

    // Check status: asks the platform now about the bill's unresolved entry; never records a
    // new payment. An entry settled meanwhile answers from the ledger; none at all gives
    // not_sent with an empty reason.
    void check(const std::string& bill_id, Done done);

    bool in_flight(const std::string& bill_id) const { return waiting_.count(bill_id) > 0; }

private:
    struct Attempt {
        store::PaymentEntry entry; // id 0 until the ledger has it
        std::vector<Done> callers;
        bool again = false;      // a reason to ask arrived while this attempt was out
        bool background = false; // asked by a trigger, not a dialog: the outcome is notified
    };

    // Joins the bill's attempt in flight, or starts one. `trigger`: a reason to ask now.
    void ask(const store::PaymentEntry& entry, Done done, bool trigger);
    // An entry made before owners were recorded: adopted when the platform shows the bill.
    void adopt_and_ask(store::PaymentEntry entry, const std::string& citizen, Done done);
    void send(const store::PaymentEntry& entry);
    void settle(const store::PaymentEntry& entry, Result<api::Payment> answer);
    void finish(const std::string& bill_id, PayResult result);
    // A desktop notification for an outcome settled in the background; once per entry.
    void tell_settled(const store::PaymentEntry& entry, const PayResult& r);

    AppContext& context_;
    std::map<std::string, Attempt> waiting_; // bill id -> the attempt out for it
    std::set<std::int64_t> told_;            // ledger ids whose outcome was notified
    Subscription events_;
    Lifetime lifetime_; // last: destroyed first, so late results are dropped
};

} // namespace cd::app
