// The History filter as the citizen sets it (local dates, a category, payee text, a status)
// and its translation to the ledger's filter in UTC; the local-time helpers the history rows
// and the charts share.
#pragma once

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

// The local clock's offset from UTC at `at`, in minutes (480 in China).
int local_utc_offset_minutes(std::chrono::system_clock::time_point at);

// "2026-11-28 14:03" in local time for a ledger timestamp ("2026-11-28T06:03:00Z"); the input
// unchanged when it is not a ledger timestamp.
std::string local_time_text(const std::string& created_utc, int utc_offset_minutes);

// The status as the citizen reads it ("Paid", "Declined", "Pending", "Not known yet").
Message payment_status_title(store::PaymentStatus status);

} // namespace cd::app
