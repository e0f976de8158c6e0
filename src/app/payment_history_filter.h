// The History filter as the citizen sets it (local dates, a category, payee text, a status)
// and its translation to the ledger's filter in UTC.
#pragma once

#include "app/local_time.h"
#include "core/error.h"
#include "core/message.h"
#include "store/payment_ledger.h"

#include <chrono>
#include <optional>
#include <string>

namespace cd::app {

struct HistoryFilter {
    std::string from_date;  // "YYYY-MM-DD", the citizen's local date, inclusive; empty: open
    std::string until_date; // inclusive
    std::string category;   // a bill kind; empty: all
    std::string payee;      // plain text the payee contains; empty: any
    std::optional<store::PaymentStatus> status;

    friend bool operator==(const HistoryFilter&, const HistoryFilter&) = default;
};

// The ledger filter for `filter` where the citizen's clock is `utc_offset_minutes` ahead of
// UTC. A malformed date or a range that ends before it starts is a validation error whose
// user_message says which.
Result<store::LedgerFilter> to_ledger_filter(const HistoryFilter& filter, int utc_offset_minutes);

// The status as the citizen reads it ("Paid", "Declined", "Pending", "Not known yet").
Message payment_status_title(store::PaymentStatus status);

} // namespace cd::app
