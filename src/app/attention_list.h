// "What needs attention now" on Home: one list built from what the app already has (due bills,
// the ledger's pending payments, applications, appointments, the outbox, My Voice replies,
// holidays, weather warnings), each item with the ONE action the home page offers for it, most
// urgent first. Pure: the home presenter gathers the sources, this decides what they mean.
#pragma once

#include "api/platform_types.h"
#include "app/my_reports_presenter.h"
#include "app/tabs.h"
#include "core/message.h"
#include "store/outbox.h"
#include "store/payment_ledger.h"

#include <optional>
#include <string>
#include <vector>

namespace cd::app {

// In urgency order: the list sorts by this first.
enum class AttentionKind {
    bill_overdue,
    payment_pending,
    outbox_refused,
    appointment_today,
    weather_warning,
    bill_due_soon,
    application_changed,
    report_reply,
    appointment_tomorrow,
    outbox_waiting,
    holiday_this_week,
};

// What the item's one button does; the view routes it to the existing tab or dialog.
enum class AttentionAction {
    pay,          // My Payments: the bill's Pay
    check_status, // My Payments: the bill's Check status
    edit_or_retry,
    open_application,
    open_report,
    move_or_cancel, // My Government: My appointments
    open_holidays,  // My Life: holidays
    open_weather,   // My Life: weather
};

struct AttentionItem {
    AttentionKind kind = AttentionKind::holiday_this_week;
    std::string when; // "YYYY-MM-DD" (or a timestamp): earlier first within a kind
    Message text;
    Message detail; // a second line (hall and what to bring, the city's reason); may be empty
    AttentionAction action = AttentionAction::open_holidays;
    Message action_label; // "Pay", "Check status", ...
    Tab tab = Tab::home;  // where the action leads
    std::string target;   // the bill, application, outbox item or report it is about
};

// An appointment today or tomorrow with what the home page says about it.
struct AppointmentSoon {
    api::Appointment appointment;
    std::string service; // in the display language
    std::string hall;
    std::vector<std::string> bring; // the guide's required documents
};

// A weather warning for the citizen's district. The platform has no warnings feed yet; the
// source stays empty until it does (the home presenter fills it then).
struct WeatherWarning {
    std::string date;
    Message text;
};

struct AttentionSources {
    std::string today; // the citizen's local date, "YYYY-MM-DD"
    int utc_offset_minutes = 480;
    bool signed_in = false;
    int reminder_days = 3;                           // bills due within this many days count
    std::optional<std::vector<api::Bill>> due_bills; // nullopt: not known (signed out, offline)
    std::vector<store::PaymentEntry> pending_payments;
    std::optional<std::vector<api::Application>> applications;
    int application_recent_days = 3; // a status set within this many days is news
    std::optional<std::vector<AppointmentSoon>> appointments;
    std::optional<std::vector<store::OutboxItem>> outbox;
    std::vector<MyReport> my_reports;
    int reply_recent_days = 3;
    std::vector<api::HolidayDay> holidays;
    std::vector<WeatherWarning> weather_warnings;
    bool chinese = false;
};

// The items, most urgent first (overdue bills, then pending payments, ...; earlier first).
std::vector<AttentionItem> attention_items(const AttentionSources& sources);

// When nothing needs attention: the headline and what is fine, per source that was checked.
Message nothing_needs_attention();
std::vector<Message> what_is_fine(const AttentionSources& sources);

// The local date `days` after `date` ("YYYY-MM-DD"); empty when `date` is malformed.
std::string add_days(const std::string& date, int days);

} // namespace cd::app
