// Home's "What needs attention now": every source feeds its item with its one action, the most
// urgent first, and an empty list says what is fine. The presenter runs against the reference
// platform on loopback and a real vault.
#include "app/application_form_presenter.h"
#include "app/applications_presenter.h"
#include "app/bills_presenter.h"
#include "app/home_presenter.h"
#include "app/voice_reports.h"
#include "app_test_context.h"
#include "catch.hpp"
#include "store/outbox.h"
#include "store/payment_ledger.h"

#include <future>

using namespace cd;
using namespace cd::app;
using namespace cd::test;

namespace {

api::Bill bill(const std::string& id, const std::string& due) {
    api::Bill b;
    b.id = id;
    b.kind = "water";
    b.provider = {"水务", "Water Co"};
    b.amount = Money{4854};
    b.due_date = due;
    b.status = "due";
    return b;
}

api::Appointment appointment(const std::string& id, const std::string& start) {
    api::Appointment a;
    a.id = id;
    a.service_id = "svc-1";
    a.hall_id = "hall-1";
    a.status = "booked";
    a.start = start;
    return a;
}

store::OutboxItem outbox_item(std::int64_t id, const char* kind, bool refused) {
    store::OutboxItem o;
    o.id = id;
    o.kind = kind;
    o.created_utc = "2026-12-01T01:00:00Z";
    if (refused) {
        o.refused_reason = encode_refusal(msg(N_("The platform refused it.")));
    }
    return o;
}

// One of each source, all of them needing attention on 2026-12-03.
AttentionSources everything() {
    AttentionSources s;
    s.today = "2026-12-03";
    s.signed_in = true;
    s.due_bills = std::vector<api::Bill>{bill("soon", "2026-12-05"), bill("late", "2026-11-30"),
                                         bill("far", "2027-01-20"), bill("paying", "2026-12-04")};
    store::PaymentEntry pending;
    pending.bill_id = "paying";
    pending.payee = "Power Co";
    pending.amount = Money{1000};
    pending.created_utc = "2026-12-02T03:00:00Z";
    s.pending_payments = {pending};
    api::Application changed;
    changed.id = "APP-1";
    changed.service_name = {"护照", "Passport"};
    changed.status = "approved";
    changed.updated_at = "2026-12-02T02:00:00Z";
    api::Application old = changed;
    old.id = "APP-OLD";
    old.updated_at = "2026-10-02T02:00:00Z";
    s.applications = std::vector<api::Application>{changed, old};
    s.appointments = std::vector<AppointmentSoon>{
        {appointment("tomorrow", "2026-12-04T10:00:00+08:00"),
         "Passport",
         "Gulou Hall",
         {"ID card"}},
        {appointment("today", "2026-12-03T09:30:00+08:00"), "Passport", "Gulou Hall", {}},
        {appointment("next-week", "2026-12-10T09:30:00+08:00"), "Passport", "Gulou Hall", {}}};
    s.outbox = std::vector<store::OutboxItem>{outbox_item(7, report_outbox_kind, false),
                                              outbox_item(8, application_outbox_kind, true)};
    MyReport replied;
    replied.reference = "req-1";
    replied.service_name = "Pothole";
    replied.timeline = {{"2026-12-02T08:00:00Z", "open", "A crew is on its way."}};
    s.my_reports = {replied};
    s.holidays = {{"元旦", "2026-12-31", true}, {"调休", "2026-12-06", false}};
    s.weather_warnings = {{"2026-12-03", msg(N_("Typhoon warning"))}};
    return s;
}

std::vector<AttentionKind> kinds(const std::vector<AttentionItem>& items) {
    std::vector<AttentionKind> out;
    for (const auto& i : items) {
        out.push_back(i.kind);
    }
    return out;
}

struct FakeHomeView : HomeView {
    HomeState last;
    int shown = 0;
    void show_home(const HomeState& state) override {
        last = state;
        ++shown;
    }
};

} // namespace

TEST_CASE("attention items come most urgent first, overdue bills at the top", "[ui-logic][home]") {
    const auto items = attention_items(everything());
    CHECK(kinds(items) == std::vector<AttentionKind>{
                              AttentionKind::bill_overdue, AttentionKind::payment_pending,
                              AttentionKind::outbox_refused, AttentionKind::appointment_today,
                              AttentionKind::weather_warning, AttentionKind::bill_due_soon,
                              AttentionKind::application_changed, AttentionKind::report_reply,
                              AttentionKind::appointment_tomorrow, AttentionKind::outbox_waiting,
                              AttentionKind::holiday_this_week});
    CHECK(items.front().target == "late");
    CHECK(items.front().text.id == "Overdue: {0} bill of {1} yuan, due {2}");
}

TEST_CASE("each source feeds its item with its one action", "[ui-logic][home]") {
    const auto items = attention_items(everything());
    auto find = [&](AttentionKind kind) -> const AttentionItem& {
        for (const auto& i : items) {
            if (i.kind == kind) {
                return i;
            }
        }
        FAIL("no item of kind " << int(kind));
        return items.front();
    };
    SECTION("bills: Pay, only within the reminder days, not the one whose payment is out") {
        const auto& soon = find(AttentionKind::bill_due_soon);
        CHECK(soon.action == AttentionAction::pay);
        CHECK(soon.action_label.id == "Pay");
        CHECK(soon.tab == Tab::payments);
        CHECK(soon.text.args == std::vector<std::string>{"Water Co", "48.54", "2026-12-05"});
        for (const auto& i : items) {
            CHECK(i.target != "far");
            CHECK((i.target != "paying" || i.kind == AttentionKind::payment_pending));
        }
    }
    SECTION("a pending payment: Check status") {
        const auto& p = find(AttentionKind::payment_pending);
        CHECK(p.action == AttentionAction::check_status);
        CHECK(p.target == "paying");
    }
    SECTION("an application changed lately: Open; an old change is not news") {
        const auto& a = find(AttentionKind::application_changed);
        CHECK(a.action == AttentionAction::open_application);
        CHECK(a.target == "APP-1");
        CHECK(a.detail == application_status_words("approved"));
        CHECK(std::count_if(items.begin(), items.end(),
                            [](const AttentionItem& i) { return i.target == "APP-OLD"; }) == 0);
    }
    SECTION("appointments today and tomorrow with hall and what to bring: Move or cancel") {
        const auto& t = find(AttentionKind::appointment_today);
        CHECK(t.text.args == std::vector<std::string>{"09:30", "Passport"});
        CHECK(t.detail == msg("At {0}", {"Gulou Hall"}));
        const auto& m = find(AttentionKind::appointment_tomorrow);
        CHECK(m.detail == msg("At {0}. Bring: {1}", {"Gulou Hall", "ID card"}));
        CHECK(m.action == AttentionAction::move_or_cancel);
        CHECK(std::count_if(items.begin(), items.end(),
                            [](const AttentionItem& i) { return i.target == "next-week"; }) == 0);
    }
    SECTION("outbox: refused ones to edit with the reason, waiting ones to retry") {
        const auto& r = find(AttentionKind::outbox_refused);
        CHECK(r.action == AttentionAction::edit_or_retry);
        CHECK(r.action_label.id == "Edit");
        CHECK(r.detail.id == "The platform refused it.");
        CHECK(r.tab == Tab::government);
        const auto& w = find(AttentionKind::outbox_waiting);
        CHECK(w.action_label.id == "Retry");
        CHECK(w.tab == Tab::voice);
    }
    SECTION("a reply to my report: Open in My Voice") {
        const auto& r = find(AttentionKind::report_reply);
        CHECK(r.tab == Tab::voice);
        CHECK(r.target == "req-1");
    }
    SECTION("this week's make-up working day, not the holiday four weeks away") {
        const auto& h = find(AttentionKind::holiday_this_week);
        CHECK(h.text.id == "Make-up working day on {0} ({1}): offices are open");
        CHECK(std::count_if(items.begin(), items.end(), [](const AttentionItem& i) {
                  return i.kind == AttentionKind::holiday_this_week;
              }) == 1);
    }
}

TEST_CASE("with nothing to do, Home says what is fine", "[ui-logic][home]") {
    AttentionSources s;
    s.today = "2026-12-03";
    s.signed_in = true;
    s.due_bills = std::vector<api::Bill>{bill("far", "2027-01-20")};
    s.appointments = std::vector<AppointmentSoon>{};
    s.outbox = std::vector<store::OutboxItem>{};
    CHECK(attention_items(s).empty());
    CHECK(nothing_needs_attention().id == "Nothing needs your attention today.");
    const auto fine = what_is_fine(s);
    REQUIRE(fine.size() == 4);
    CHECK(fine[0] == msg("No bill is due in the next {0} days.", {"3"}));
    CHECK(fine[1].id == "Every payment has its answer.");
    CHECK(fine[2].id == "No appointments today or tomorrow.");
    CHECK(fine[3].id == "Everything you sent has reached the city.");

    AttentionSources signed_out;
    signed_out.today = "2026-12-03";
    CHECK(what_is_fine(signed_out) ==
          std::vector<Message>{
              msg("Sign in to see your bills, applications and appointments here.")});
}

TEST_CASE("Home gathers the demo citizen's bills, pending payment and outbox from the platform "
          "and the vault",
          "[ui-logic][home]") {
    AppTestContext t;
    t.sign_in();
    // The demo bills fall due next month: the clock is set to the day before the first one.
    std::promise<Result<api::BillList>> answer;
    t.client->bills("due", [&](Result<api::BillList> r) { answer.set_value(std::move(r)); });
    auto due = answer.get_future().get();
    REQUIRE(due.ok());
    REQUIRE(due->bills.size() >= 2);
    std::string first = due->bills.front().due_date;
    for (const auto& b : due->bills) {
        first = std::min(first, b.due_date);
    }
    std::tm tm{};
    tm.tm_year = std::stoi(first.substr(0, 4)) - 1900;
    tm.tm_mon = std::stoi(first.substr(5, 2)) - 1;
    tm.tm_mday = std::stoi(first.substr(8, 2)) - 1;
    tm.tm_hour = 12;
    tm.tm_isdst = -1;
    const auto day_before = std::chrono::system_clock::from_time_t(std::mktime(&tm));
    t.context->now = [day_before] {
        return day_before;
    };

    // One bill is being paid (its answer was lost), and a report waits in the outbox.
    const api::Bill paying = due->bills.front();
    const bool recorded = t.vault->run_and_wait([&](store::Vault& v) {
        store::NewPayment p;
        p.bill_id = paying.id;
        p.payee = "Water Co";
        p.amount = paying.amount;
        p.idempotency_key = "home-test-key";
        p.at = day_before;
        p.owner = t.data.citizen_id();
        return store::PaymentLedger(v).record_pending(p).ok() &&
               store::Outbox(v)
                   .enqueue(report_outbox_kind, "x=1", {}, day_before + std::chrono::hours(48),
                            t.data.citizen_id())
                   .ok();
    });
    REQUIRE(recorded);

    FakeHomeView view;
    HomePresenter home(*t.context, view);
    home.start();
    REQUIRE(t.ui.run_until([&] { return home.pending() == 0 && home.sources().due_bills; }));
    const auto& items = view.last.items;
    REQUIRE_FALSE(items.empty());
    CHECK(items.front().kind == AttentionKind::payment_pending);
    CHECK(items.front().target == paying.id);
    int pay = 0, waiting = 0;
    for (const auto& i : items) {
        if (i.kind == AttentionKind::bill_due_soon) {
            ++pay;
            CHECK(i.target != paying.id); // Check status, never Pay a second time
            CHECK(i.action == AttentionAction::pay);
        }
        waiting += i.kind == AttentionKind::outbox_waiting;
    }
    CHECK(pay >= 1);
    CHECK(waiting == 1);
    CHECK(view.last.headline.empty());
}

TEST_CASE("Home without a session or a vault says so instead of pretending all is fine",
          "[ui-logic][home]") {
    AppTestContext::Options options;
    options.unlock_vault = false;
    AppTestContext t(options);
    FakeHomeView view;
    HomePresenter home(*t.context, view);
    home.start();
    REQUIRE(t.ui.run_until([&] { return home.pending() == 0; }));
    CHECK(view.last.headline.id == "Nothing needs your attention today.");
    CHECK(view.last.fine == std::vector<Message>{msg(
                                "Sign in to see your bills, applications and appointments here.")});
    CHECK(view.last.suggestions.empty());
    CHECK(view.last.suggestions_note.id ==
          "Unlock your data to see suggestions made from your profile.");
}
