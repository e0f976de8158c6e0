// Session, profile, accounts, bills, payments, receipts, applications and appointments.
#include "api/json_mapping.h"
#include "api/platform_parser.h"

#include <boost/json/serialize.hpp>

namespace cd::api {
namespace {

using namespace mapping;

const std::initializer_list<const char*> bill_kinds = {
    "water", "power", "gas", "telecom", "property", "traffic_fine", "social_insurance"};
const std::initializer_list<const char*> application_statuses = {
    "accepted", "under_review", "approved", "rejected", "ready_for_pickup"};

void account(ObjectReader& r, Account& o) {
    o.id = r.string("id");
    o.kind = one_of(r, "kind", bill_kinds);
    o.provider = text(r, "provider");
    o.number = r.string("number");
    o.label = text(r, "label");
}

void bill(ObjectReader& r, Bill& o) {
    o.id = r.string("id");
    o.account_id = r.string("account_id");
    o.kind = one_of(r, "kind", bill_kinds);
    o.provider = text(r, "provider");
    o.account_number = r.string("account_number");
    o.period = r.string("period");
    o.amount = Money::from_fen(r.integer("amount_fen", 0, max_amount_fen));
    o.due_date = r.string("due_date");
    o.status = one_of(r, "status", {"due", "paid"});
    o.payment_id = r.optional_string("payment_id").value_or(""); // null while due
}

void payment(ObjectReader& r, Payment& o) {
    o.id = r.string("id");
    o.bill_id = r.string("bill_id");
    o.amount = Money::from_fen(r.integer("amount_fen", 1, max_amount_fen));
    o.status = one_of(r, "status", {"succeeded"});
    o.created_at = r.string("created_at");
    o.receipt_no = r.string("receipt_no");
    o.method = r.string("method");
}

void application(ObjectReader& r, Application& o) {
    o.id = r.string("id");
    o.service_id = r.string("service_id");
    o.service_name = text(r, "service_name");
    o.status = one_of(r, "status", application_statuses);
    o.submitted_at = r.string("submitted_at");
    o.updated_at = r.string("updated_at");
    if (const auto* form = r.object("form")) {
        o.form_json = boost::json::serialize(*form);
    }
    o.attachments =
        objects<AttachmentInfo>(r, "attachments", [](ObjectReader& x, AttachmentInfo& y) {
            y.name = x.string("name");
            y.content_type = x.string("content_type");
            y.size = x.integer("size", 0);
        });
    o.timeline = objects<TimelineEntry>(r, "timeline", [](ObjectReader& x, TimelineEntry& y) {
        y.status = one_of(x, "status", application_statuses);
        y.at = x.string("at");
        y.note = text(x, "note");
    });
    member(
        r, "next", o.next_expected_at,
        [](ObjectReader& x, std::string& y) { y = x.string("expected_at"); }, false); // nullable
}

void appointment(ObjectReader& r, Appointment& o) {
    o.id = r.string("id");
    o.service_id = r.string("service_id");
    o.slot_id = r.string("slot_id");
    o.status = one_of(r, "status", {"booked", "cancelled"});
    o.created_at = r.string("created_at");
    o.hall_id = r.string("hall_id");
    o.start = r.string("start");
    o.end = r.string("end");
}

template <class T, class Map>
Result<std::vector<T>> list(std::string_view body, const char* key, Map map) {
    return parse_object<std::vector<T>>(
        body, [key, &map](ObjectReader& r, std::vector<T>& o) { o = objects<T>(r, key, map); });
}

} // namespace

Result<SessionTokens> parse_token_pair(std::string_view body,
                                       std::chrono::system_clock::time_point now) {
    return parse_object<SessionTokens>(body, [now](ObjectReader& r, SessionTokens& o) {
        o.access_token = r.string("access_token");
        one_of(r, "token_type", {"Bearer"});
        o.access_expires_at = now + std::chrono::seconds(r.integer("expires_in", 0));
        o.refresh_token = r.string("refresh_token");
        o.refresh_expires_at = now + std::chrono::seconds(r.integer("refresh_expires_in", 0));
        o.citizen_id = r.string("citizen_id");
        if (r.ok() && (o.access_token.empty() || o.refresh_token.empty())) {
            r.fail(o.access_token.empty() ? "access_token" : "refresh_token", "empty");
        }
    });
}

Result<CodeSent> parse_code_sent(std::string_view body) {
    return parse_object<CodeSent>(body, [](ObjectReader& r, CodeSent& o) {
        o.expires_in = r.integer("expires_in", 0);
        o.resend_after = r.integer("resend_after", 0);
    });
}

Result<Profile> parse_profile(std::string_view body) {
    return parse_object<Profile>(body, [](ObjectReader& r, Profile& o) {
        o.id = r.string("id");
        o.phone_masked = r.string("phone_masked");
        o.name = text(r, "name");
        o.resident_id_masked = r.string("resident_id_masked");
        o.district = r.string("district");
        o.wallet_balance =
            Money::from_fen(r.integer("wallet_balance_fen", -max_amount_fen, max_amount_fen));
    });
}

Result<std::vector<Account>> parse_accounts(std::string_view body) {
    return list<Account>(body, "accounts", account);
}

Result<Account> parse_account(std::string_view body) {
    return parse_object<Account>(body, account);
}

Result<BillList> parse_bills(std::string_view body) {
    return parse_object<BillList>(body, [](ObjectReader& r, BillList& o) {
        o.bills = objects<Bill>(r, "bills", bill);
        o.total_due = Money::from_fen(r.integer("total_due_fen", 0, max_amount_fen));
    });
}

Result<Bill> parse_bill(std::string_view body) {
    return parse_object<Bill>(body, bill);
}

Result<Payment> parse_payment(std::string_view body) {
    return parse_object<Payment>(body, payment);
}

Result<std::vector<Payment>> parse_payments(std::string_view body) {
    return list<Payment>(body, "payments", payment);
}

Result<Receipt> parse_receipt(std::string_view body) {
    return parse_object<Receipt>(body, [](ObjectReader& r, Receipt& o) {
        o.receipt_no = r.string("receipt_no");
        o.payment_id = r.optional_string("payment_id").value_or(""); // null while due
        o.issued_at = r.string("issued_at");
        o.payer = r.string("payer");
        o.payee = text(r, "payee");
        o.account_number = r.optional_string("account_number").value_or("");
        o.items = objects<ReceiptItem>(r, "items", [](ObjectReader& x, ReceiptItem& y) {
            y.description = text(x, "description");
            y.bill_id = x.string("bill_id");
            y.amount = Money::from_fen(x.integer("amount_fen", 0, max_amount_fen));
        });
        o.total = Money::from_fen(r.integer("total_fen", 0, max_amount_fen));
        o.method = r.string("method");
    });
}

Result<Application> parse_application(std::string_view body) {
    return parse_object<Application>(body, application);
}

Result<std::vector<Application>> parse_applications(std::string_view body) {
    return list<Application>(body, "applications", application);
}

Result<Appointment> parse_appointment(std::string_view body) {
    return parse_object<Appointment>(body, appointment);
}

Result<std::vector<Appointment>> parse_appointments(std::string_view body) {
    return list<Appointment>(body, "appointments", appointment);
}

} // namespace cd::api
