#include "app/payment_history_filter.h"

#include "store/utc_time.h"

#include <cstdio>

namespace cd::app {
namespace {

using namespace std::chrono;

std::optional<sys_days> parse_local_date(const std::string& text) {
    int y = 0;
    unsigned m = 0;
    unsigned d = 0;
    char tail = 0;
    if (text.size() != 10 || std::sscanf(text.c_str(), "%4d-%2u-%2u%c", &y, &m, &d, &tail) != 3) {
        return std::nullopt;
    }
    const year_month_day ymd{year{y}, month{m}, day{d}};
    if (!ymd.ok()) {
        return std::nullopt;
    }
    return sys_days{ymd};
}

Error date_error(const std::string& text) {
    Error e = make_error(ErrorKind::validation, "history filter: bad date");
    e.user_message = msg(N_("\"{0}\" is not a date. Use the form 2026-11-28."), {text});
    return e;
}

} // namespace

Result<store::LedgerFilter> to_ledger_filter(const HistoryFilter& filter, int utc_offset_minutes) {
    store::LedgerFilter out;
    const minutes offset{utc_offset_minutes};
    if (!filter.from_date.empty()) {
        auto day = parse_local_date(filter.from_date);
        if (!day) {
            return date_error(filter.from_date);
        }
        out.from = system_clock::time_point(*day) - offset;
    }
    if (!filter.until_date.empty()) {
        auto day = parse_local_date(filter.until_date);
        if (!day) {
            return date_error(filter.until_date);
        }
        out.until = system_clock::time_point(*day + days(1)) - offset; // the whole last day
    }
    if (out.from && out.until && *out.until <= *out.from) {
        Error e = make_error(ErrorKind::validation, "history filter: empty range");
        e.user_message = msg(N_("The end date is before the start date."));
        return e;
    }
    if (!filter.category.empty()) {
        out.category = filter.category;
    }
    out.payee_contains = filter.payee;
    out.status = filter.status;
    return out;
}

Message payment_status_title(store::PaymentStatus status) {
    switch (status) {
    case store::PaymentStatus::paid:
        return msg(N_("Paid"));
    case store::PaymentStatus::declined:
        return msg(N_("Declined"));
    case store::PaymentStatus::pending:
        return msg(N_("Pending"));
    case store::PaymentStatus::unknown:
        return msg(N_("Not known yet"));
    }
    return msg(N_("Not known yet"));
}

} // namespace cd::app
