#include "app/attention_list.h"

#include "app/application_form_presenter.h"
#include "app/applications_presenter.h"
#include "app/bill_reminders.h"
#include "app/bills_presenter.h"
#include "app/local_time.h"
#include "app/outbox_sender.h"
#include "app/voice_reports.h"
#include "core/money.h"

#include <algorithm>
#include <chrono>
#include <cstdio>

namespace cd::app {

namespace {

std::string date_part(const std::string& text) {
    return text.size() >= 10 ? text.substr(0, 10) : text;
}

std::string hhmm(const std::string& iso) {
    return iso.size() >= 16 ? iso.substr(11, 5) : std::string();
}

std::string joined(const std::vector<std::string>& parts) {
    std::string out;
    for (const auto& p : parts) {
        out += out.empty() ? p : ", " + p;
    }
    return out;
}

// Within `days` before `today`, both local dates.
bool recent(const std::string& date, const std::string& today, int days) {
    auto d = days_between(date, today);
    return d && *d >= 0 && *d <= days;
}

void add_bills(const AttentionSources& s, std::vector<AttentionItem>& out) {
    if (!s.due_bills) {
        return;
    }
    std::vector<std::string> pending;
    for (const auto& p : s.pending_payments) {
        pending.push_back(p.bill_id);
    }
    // The bills a reminder is due for today, as BillReminders decides (none already sent).
    for (const api::Bill& bill : bills_to_remind(*s.due_bills, s.today, s.reminder_days, {})) {
        if (std::find(pending.begin(), pending.end(), bill.id) != pending.end()) {
            continue; // shown as a pending payment: paying again is not what it needs
        }
        const std::string amount = to_decimal_string(bill.amount);
        const std::string payee = localized(bill.provider, s.chinese);
        const bool overdue = bill.due_date < s.today;
        AttentionItem item;
        item.kind = overdue ? AttentionKind::bill_overdue : AttentionKind::bill_due_soon;
        item.when = bill.due_date;
        item.text = overdue ? msg(N_("Overdue: {0} bill of {1} yuan, due {2}"),
                                  {payee, amount, bill.due_date})
                            : msg(N_("Due soon: {0} bill of {1} yuan, due {2}"),
                                  {payee, amount, bill.due_date});
        item.action = AttentionAction::pay;
        item.action_label = msg(N_("Pay"));
        item.tab = Tab::payments;
        item.target = bill.id;
        out.push_back(std::move(item));
    }
}

void add_pending(const AttentionSources& s, std::vector<AttentionItem>& out) {
    for (const auto& p : s.pending_payments) {
        AttentionItem item;
        item.kind = AttentionKind::payment_pending;
        item.when = p.created_utc;
        item.text = msg(N_("Payment of {0} yuan to {1} is waiting for the platform's answer"),
                        {to_decimal_string(p.amount), p.payee});
        item.action = AttentionAction::check_status;
        item.action_label = msg(N_("Check status"));
        item.tab = Tab::payments;
        item.target = p.bill_id;
        out.push_back(std::move(item));
    }
}

void add_applications(const AttentionSources& s, std::vector<AttentionItem>& out) {
    if (!s.applications) {
        return;
    }
    for (const auto& a : *s.applications) {
        const std::string at = a.updated_at.empty() ? a.submitted_at : a.updated_at;
        const std::string day = date_part(local_time_text(at, s.utc_offset_minutes));
        // Ready for pickup waits for the citizen however old it is; other news fades.
        if (a.status != "ready_for_pickup" && !recent(day, s.today, s.application_recent_days)) {
            continue;
        }
        AttentionItem item;
        item.kind = AttentionKind::application_changed;
        item.when = at;
        item.text = msg(N_("Your application \"{0}\" changed on {1}"),
                        {localized(a.service_name, s.chinese), day});
        item.detail = application_status_words(a.status);
        item.action = AttentionAction::open_application;
        item.action_label = msg(N_("Open"));
        item.tab = Tab::government;
        item.target = a.id;
        out.push_back(std::move(item));
    }
}

void add_appointments(const AttentionSources& s, std::vector<AttentionItem>& out) {
    if (!s.appointments) {
        return;
    }
    const std::string tomorrow = add_days(s.today, 1);
    for (const auto& soon : *s.appointments) {
        const auto& a = soon.appointment;
        const std::string day = date_part(a.start);
        if (a.status != "booked" || (day != s.today && day != tomorrow)) {
            continue;
        }
        AttentionItem item;
        const bool today = day == s.today;
        item.kind = today ? AttentionKind::appointment_today : AttentionKind::appointment_tomorrow;
        item.when = a.start;
        item.text =
            today ? msg(N_("Appointment today at {0}: {1}"), {hhmm(a.start), soon.service})
                  : msg(N_("Appointment tomorrow at {0}: {1}"), {hhmm(a.start), soon.service});
        item.detail = soon.bring.empty()
                          ? msg(N_("At {0}"), {soon.hall})
                          : msg(N_("At {0}. Bring: {1}"), {soon.hall, joined(soon.bring)});
        item.action = AttentionAction::move_or_cancel;
        item.action_label = msg(N_("Move or cancel"));
        item.tab = Tab::government;
        item.target = a.id;
        out.push_back(std::move(item));
    }
}

void add_outbox(const AttentionSources& s, std::vector<AttentionItem>& out) {
    if (!s.outbox) {
        return;
    }
    for (const auto& o : *s.outbox) {
        const bool report = o.kind == report_outbox_kind;
        if (!report && o.kind != application_outbox_kind) {
            continue;
        }
        AttentionItem item;
        item.when = o.created_utc;
        item.tab = report ? Tab::voice : Tab::government;
        item.target = std::to_string(o.id);
        item.action = AttentionAction::edit_or_retry;
        if (o.refused()) {
            item.kind = AttentionKind::outbox_refused;
            item.text = report ? msg(N_("The city refused a report you sent"))
                               : msg(N_("The platform refused an application you sent"));
            item.detail = decode_refusal(*o.refused_reason);
            item.action_label = msg(N_("Edit"));
        } else {
            item.kind = AttentionKind::outbox_waiting;
            item.text = report ? msg(N_("A report is waiting to be sent"))
                               : msg(N_("An application is waiting to be sent"));
            item.detail = msg(N_("It leaves by itself once the platform can be reached."));
            item.action_label = msg(N_("Retry"));
        }
        out.push_back(std::move(item));
    }
}

void add_replies(const AttentionSources& s, std::vector<AttentionItem>& out) {
    for (const auto& r : s.my_reports) {
        if (r.waiting || r.timeline.empty()) {
            continue;
        }
        const TimelineEntry& last = r.timeline.back();
        const std::string day = date_part(local_time_text(last.when_utc, s.utc_offset_minutes));
        if (last.text.empty() || !recent(day, s.today, s.reply_recent_days)) {
            continue;
        }
        AttentionItem item;
        item.kind = AttentionKind::report_reply;
        item.when = last.when_utc;
        item.text =
            msg(N_("The city replied to your report \"{0}\" on {1}"), {r.service_name, day});
        item.action = AttentionAction::open_report;
        item.action_label = msg(N_("Open"));
        item.tab = Tab::voice;
        item.target = r.reference;
        out.push_back(std::move(item));
    }
}

void add_holidays(const AttentionSources& s, std::vector<AttentionItem>& out) {
    const std::string end = add_days(s.today, 6);
    for (const auto& d : s.holidays) {
        if (d.date < s.today || d.date > end) {
            continue;
        }
        AttentionItem item;
        item.kind = AttentionKind::holiday_this_week;
        item.when = d.date;
        item.text = d.is_off_day ? msg(N_("Day off on {0}: {1}"), {d.date, d.name})
                                 : msg(N_("Make-up working day on {0} ({1}): offices are open"),
                                       {d.date, d.name});
        item.action = AttentionAction::open_holidays;
        item.action_label = msg(N_("Open"));
        item.tab = Tab::life;
        out.push_back(std::move(item));
    }
}

void add_weather(const AttentionSources& s, std::vector<AttentionItem>& out) {
    for (const auto& w : s.weather_warnings) {
        AttentionItem item;
        item.kind = AttentionKind::weather_warning;
        item.when = w.date;
        item.text = w.text;
        item.action = AttentionAction::open_weather;
        item.action_label = msg(N_("Open"));
        item.tab = Tab::life;
        out.push_back(std::move(item));
    }
}

} // namespace

std::string add_days(const std::string& date, int days) {
    int y = 0;
    unsigned m = 0, d = 0;
    if (date.size() != 10 || std::sscanf(date.c_str(), "%4d-%2u-%2u", &y, &m, &d) != 3) {
        return {};
    }
    using namespace std::chrono;
    const year_month_day ymd{year{y}, month{m}, day{d}};
    if (!ymd.ok()) {
        return {};
    }
    const year_month_day next{sys_days{ymd} + std::chrono::days{days}};
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", int(next.year()), unsigned(next.month()),
                  unsigned(next.day()));
    return buf;
}

std::vector<AttentionItem> attention_items(const AttentionSources& sources) {
    std::vector<AttentionItem> out;
    add_bills(sources, out);
    add_pending(sources, out);
    add_applications(sources, out);
    add_appointments(sources, out);
    add_outbox(sources, out);
    add_replies(sources, out);
    add_holidays(sources, out);
    add_weather(sources, out);
    std::stable_sort(out.begin(), out.end(), [](const AttentionItem& a, const AttentionItem& b) {
        if (a.kind != b.kind) {
            return a.kind < b.kind;
        }
        return a.when < b.when;
    });
    return out;
}

Message nothing_needs_attention() {
    return msg(N_("Nothing needs your attention today."));
}

std::vector<Message> what_is_fine(const AttentionSources& s) {
    std::vector<Message> fine;
    if (!s.signed_in) {
        fine.push_back(msg(N_("Sign in to see your bills, applications and appointments here.")));
    }
    if (s.due_bills) {
        fine.push_back(s.due_bills->empty() ? msg(N_("No bills are due."))
                                            : msg(N_("No bill is due in the next {0} days."),
                                                  {std::to_string(s.reminder_days)}));
    }
    if (s.pending_payments.empty() && s.due_bills) {
        fine.push_back(msg(N_("Every payment has its answer.")));
    }
    if (s.appointments) {
        fine.push_back(msg(N_("No appointments today or tomorrow.")));
    }
    if (s.outbox) {
        fine.push_back(msg(N_("Everything you sent has reached the city.")));
    }
    return fine;
}

} // namespace cd::app
