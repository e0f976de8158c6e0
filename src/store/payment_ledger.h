// The encrypted, append-only record of every payment attempt and its outcome. A payment is
// recorded as pending BEFORE its request leaves, then resolved once (paid, declined, or
// unknown until the start-up check asks the platform). Rows are never deleted or rewritten
// (triggers enforce it). Listing uses keyset paging: a page costs the same at row 50 or 99,950.
//
// Every entry belongs to the citizen who made it (`owner`, the platform's citizen id): only
// that citizen's session may ask the platform about it. Entries made before owners were
// recorded (schema 4) have owner '': the resolver adopts one only when the platform confirms,
// under the signed-in session, that the entry's bill is that citizen's (adopt()); until then
// it stays as it is, pending, and is never sent with anyone's token.
#pragma once

#include "core/error.h"
#include "core/money.h"

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cd::store {

class Vault;
class Connection;

enum class PaymentStatus { pending, paid, declined, unknown };
std::string_view to_string(PaymentStatus status);
std::optional<PaymentStatus> parse_payment_status(std::string_view text);

struct NewPayment {
    std::string bill_id;
    std::string payee;
    std::string category;
    std::string account;
    Money amount;
    std::string idempotency_key; // the Idempotency-Key header the request carries
    std::chrono::system_clock::time_point at;
    std::string owner = {}; // the citizen id of the session that pays
};

struct PaymentEntry {
    std::int64_t id = 0;
    std::string bill_id;
    std::string payee;
    std::string category;
    std::string account;
    Money amount;
    std::string created_utc; // ISO 8601 UTC
    std::string idempotency_key;
    std::optional<std::string> receipt_number;
    PaymentStatus status = PaymentStatus::pending;
    std::optional<std::string> resolved_utc;
    std::string owner = {}; // '' = made before owners were recorded
};

// All members optional; an empty filter matches everything.
struct LedgerFilter {
    std::optional<std::chrono::system_clock::time_point> from;  // inclusive
    std::optional<std::chrono::system_clock::time_point> until; // exclusive
    std::optional<std::string> category;
    std::string payee_contains; // plain text, not a pattern
    std::optional<PaymentStatus> status;
};

// Where the next page starts: after this entry in newest-first order.
struct LedgerCursor {
    std::string created_utc;
    std::int64_t id = 0;
};

struct LedgerPage {
    std::vector<PaymentEntry> entries; // newest first
    std::optional<LedgerCursor> next;  // absent on the last page
};

// Where every `stride`-th row of a filtered, newest-first listing starts, so a virtual list
// reaches row N with one keyset page instead of walking N rows. Block k holds rows
// [k*stride, (k+1)*stride); it starts after starts[k] (absent for block 0).
struct LedgerIndex {
    std::int64_t count = 0;
    int stride = 1;
    std::vector<std::optional<LedgerCursor>> starts;
};

// What a filter holds: every entry counted, and money split by outcome.
struct LedgerSummary {
    std::int64_t count = 0;
    std::int64_t paid_count = 0;
    Money paid;
    std::int64_t unsettled_count = 0; // pending or unknown
    Money unsettled;
    std::int64_t declined_count = 0;
};

struct PeriodTotal {
    std::string key; // "2026-11" for months, the category for categories
    Money total;
    std::int64_t count = 0;
};

class PaymentLedger {
public:
    explicit PaymentLedger(Vault& vault) : vault_(vault) {}

    // Records the attempt as pending; a reused idempotency key is a conflict error.
    Result<std::int64_t> record_pending(const NewPayment& payment);
    // Sets the outcome of a pending (or unknown) attempt; a resolved entry never changes again.
    Status resolve(std::int64_t id, PaymentStatus outcome,
                   std::optional<std::string> receipt_number,
                   std::chrono::system_clock::time_point at);
    // Pending and unknown entries, oldest first: what the start-up check must ask about.
    Result<std::vector<PaymentEntry>> unresolved();
    // The same for one citizen: their entries, and with `with_unowned` also those made before
    // owners were recorded (owner '').
    Result<std::vector<PaymentEntry>> unresolved_of(const std::string& owner, bool with_unowned);
    // Gives an entry made before owners were recorded to `owner` (the platform confirmed the
    // bill is theirs). Only an unresolved entry without an owner can be adopted.
    Status adopt(std::int64_t id, const std::string& owner);
    Result<std::optional<PaymentEntry>> find(std::int64_t id);
    // The citizen's newest entry for the bill, settled or not.
    Result<std::optional<PaymentEntry>> latest_for_bill(const std::string& bill_id,
                                                        const std::string& owner);

    Result<LedgerPage> page(const LedgerFilter& filter, const std::optional<LedgerCursor>& after,
                            int limit = 50);
    // One pass over the time index (no row reads): the count and every block's start key.
    Result<LedgerIndex> index(const LedgerFilter& filter, int stride);
    // Rows [block*stride, block*stride + stride) of the listing `index` was built for.
    Result<LedgerPage> block(const LedgerFilter& filter, const LedgerIndex& index,
                             std::int64_t block);
    Result<LedgerSummary> summary(const LedgerFilter& filter);

    // Paid entries only. Months are the citizen's local months: pass the UTC offset in minutes
    // (480 for China Standard Time).
    Result<std::vector<PeriodTotal>> monthly_totals(const LedgerFilter& filter,
                                                    int utc_offset_minutes);
    Result<std::vector<PeriodTotal>> category_totals(const LedgerFilter& filter);

private:
    Result<Connection*> db();
    Vault& vault_;
};

} // namespace cd::store
