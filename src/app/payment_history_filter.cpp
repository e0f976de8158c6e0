#include "app/payment_history_filter.h"

#include "store/utc_time.h"

#include <cstdio>
#include <ctime>

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

int local_utc_offset_minutes(system_clock::time_point at) {
    const std::time_t seconds = system_clock::to_time_t(at);
    std::tm local{};
    std::tm utc{};
#ifdef _WIN32
    localtime_s(&local, &seconds);
    gmtime_s(&utc, &seconds);
#else
    localtime_r(&seconds, &local);
    gmtime_r(&seconds, &utc);
#endif
    // Both broken-down times read as if UTC: their difference is the offset.
    const auto as_minutes = [](const std::tm& t) {
        const sys_days date = year{t.tm_year + 1900} / month{static_cast<unsigned>(t.tm_mon + 1)} /
                              day{static_cast<unsigned>(t.tm_mday)};
        return date.time_since_epoch().count() * 1440LL + t.tm_hour * 60LL + t.tm_min;
    };
    return static_cast<int>(as_minutes(local) - as_minutes(utc));
}

std::string local_time_text(const std::string& created_utc, int utc_offset_minutes) {
    auto t = store::parse_utc_iso8601(created_utc);
    if (!t) {
        return created_utc;
    }
    const auto local = floor<minutes>(*t + minutes(utc_offset_minutes));
    const auto day = floor<days>(local);
    const year_month_day ymd{day};
    const hh_mm_ss hms{local - day};
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u %02d:%02d", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                  static_cast<int>(hms.hours().count()), static_cast<int>(hms.minutes().count()));
    return buf;
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
