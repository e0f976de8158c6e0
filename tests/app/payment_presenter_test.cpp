// The pay flow against the real platform with its fault injection: paid, declined, timeout then
// resolved, the app gone before the answer then resolved at the next start, and a double
// Confirm. In every case the server holds at most one payment for the bill and the ledger says
// what happened.
#include "app/bills_presenter.h"
#include "app/payment_presenter.h"
#include "catch.hpp"
#include "core/amount_words.h"
#include "net/retry_policy.h"
#include "payment_fixture.h"

#include <map>
#include <regex>
#include <thread>

using namespace cd;
using namespace cd::test;

namespace {

struct RecordingBillsView final : app::BillsView {
    void show_bills(const app::BillsState&) override {}
    void show_account_result(const Message&) override {}
};

struct RecordingPayView final : app::PaymentView {
    std::vector<app::PayState> shown;
    void show_payment(const app::PayState& s) override { shown.push_back(s); }
    const app::PayState& last() const { return shown.back(); }
};

boost::json::object rule(const char* fault, int times, int latency_ms = 0) {
    boost::json::object r{
        {"path_prefix", "/v1/payments"}, {"method", "POST"}, {"fault", fault}, {"times", times}};
    if (latency_ms > 0) {
        r["latency_ms"] = latency_ms;
    }
    return r;
}

} // namespace

TEST_CASE("paying a water bill: ledger pending first, then paid with the receipt",
          "[ui-logic][app][payments]") {
    PaymentBench b;
    const auto bill = b.due_bill("water");
    int recorded = 0;
    app::Subscription counting(b.t.events, [&](app::AppEvent e) {
        recorded += e == app::AppEvent::payment_recorded ? 1 : 0;
    });
    app::PaymentResolver resolver(*b.context);
    RecordingPayView view;
    app::PaymentPresenter presenter(*b.context, resolver, view, bill);

    REQUIRE(view.last().stage == app::PayStage::confirm);
    const auto& args = view.last().confirmation.args;
    CHECK(args.at(0) == to_decimal_string(bill.amount));
    CHECK(args.at(1) == bill.provider.en);
    CHECK(args.at(2) == bill.account_number);
    // Elder mode's confirmation in words: the amount as digits and in words, and the payee.
    const Message& words = view.last().amount_in_words;
    CHECK(words.id == "You are paying {0} yuan ({1}) to {2}.");
    CHECK(words.args == std::vector<std::string>{to_decimal_string(bill.amount),
                                                 amount_in_english_words(bill.amount),
                                                 bill.provider.en});

    presenter.confirm();
    CHECK(view.last().stage == app::PayStage::sending);
    REQUIRE(b.t.ui.run_until([&] { return view.last().receipt.has_value(); }));
    CHECK(view.last().stage == app::PayStage::paid);
    CHECK_FALSE(view.last().receipt_number.empty());
    CHECK(view.last().receipt->receipt_number == view.last().receipt_number);
    CHECK_FALSE(view.last().can_confirm);
    // The receipt names the account paid for, and its time is the citizen's clock.
    std::map<std::string, std::string> lines;
    for (const auto& line : view.last().receipt->lines) {
        lines[line.label.id] = line.value;
    }
    CHECK(lines["Account number"] == bill.account_number);
    CHECK(std::regex_match(lines["Issued"], std::regex(R"(\d{4}-\d\d-\d\d \d\d:\d\d)")));

    CHECK(b.charges(bill.id) == 1);
    CHECK(b.bill_status(bill.id) == "paid");
    auto entries = b.ledger(bill.id);
    REQUIRE(entries.size() == 1);
    CHECK(entries[0].status == store::PaymentStatus::paid);
    CHECK(entries[0].receipt_number == view.last().receipt_number);
    CHECK(entries[0].amount == bill.amount);
    CHECK(entries[0].idempotency_key.rfind("cdpay-", 0) == 0);
    CHECK(recorded == 2); // recorded as pending, then settled

    presenter.confirm(); // settled: nothing more leaves
    b.t.ui.drain();
    CHECK(b.charges(bill.id) == 1);
}

TEST_CASE("a bill over the wallet balance is declined and settled as declined",
          "[ui-logic][app][payments]") {
    PaymentBench b;
    const auto bill = b.due_bill("property", false);
    app::PaymentResolver resolver(*b.context);
    RecordingPayView view;
    app::PaymentPresenter presenter(*b.context, resolver, view, bill);
    presenter.confirm();
    REQUIRE(b.t.ui.run_until([&] { return view.last().stage == app::PayStage::declined; }));
    CHECK(view.last().outcome.id.find("wallet balance") != std::string::npos);
    CHECK_FALSE(view.last().can_confirm);
    CHECK(b.charges(bill.id) == 0);
    CHECK(b.bill_status(bill.id) == "due");
    auto entries = b.ledger(bill.id);
    REQUIRE(entries.size() == 1);
    CHECK(entries[0].status == store::PaymentStatus::declined);
    CHECK_FALSE(entries[0].receipt_number);
}

TEST_CASE("a payment that times out stays pending and is resolved with the same key",
          "[ui-logic][app][payments]") {
    PaymentBench b;
    const auto bill = b.due_bill("gas");
    // Every attempt is slower than the payer's 400 ms: the server commits the first one after
    // the client gave up, and answers the retries from its idempotency record.
    b.faults({rule("latency", -1, 700)});
    app::PaymentResolver resolver(*b.context);
    RecordingPayView view;
    app::PaymentPresenter presenter(*b.context, resolver, view, bill);
    presenter.confirm();
    presenter.confirm(); // a double click while it is on its way
    REQUIRE(b.t.ui.run_until([&] { return view.last().stage == app::PayStage::pending; },
                             std::chrono::seconds(30)));
    CHECK(view.last().can_confirm);
    CHECK(view.last().outcome.id.find("will not be charged twice") != std::string::npos);
    auto entries = b.ledger(bill.id);
    REQUIRE(entries.size() == 1);
    CHECK(entries[0].status == store::PaymentStatus::pending);
    const auto key = entries[0].idempotency_key;

    // The platform answers normally again; the connection is back.
    b.clear_faults();
    REQUIRE(b.platform_idle()); // the last slow attempt has landed
    b.t.events.publish(app::AppEvent::online);
    REQUIRE(b.t.ui.run_until(
        [&] { return b.ledger(bill.id).at(0).status != store::PaymentStatus::pending; }));
    entries = b.ledger(bill.id);
    REQUIRE(entries.size() == 1); // resolved in place: no second attempt with a new key
    CHECK(entries[0].status == store::PaymentStatus::paid);
    CHECK(entries[0].idempotency_key == key);
    CHECK(entries[0].receipt_number);
    CHECK(b.charges(bill.id) == 1);
    CHECK(b.bill_status(bill.id) == "paid");

    // Confirm again in the still-open dialog: the same key again, the server replays.
    presenter.confirm();
    REQUIRE(b.t.ui.run_until([&] { return view.last().stage == app::PayStage::paid; }));
    CHECK(b.charges(bill.id) == 1);
    CHECK(b.ledger(bill.id).size() == 1);
}

TEST_CASE("the app gone before the answer: the next start resolves the pending payment",
          "[ui-logic][app][payments]") {
    PaymentBench b;
    const auto bill = b.due_bill("power");
    b.faults({rule("latency", 1, 300)});
    {
        app::PaymentResolver resolver(*b.context);
        RecordingPayView view;
        app::PaymentPresenter presenter(*b.context, resolver, view, bill);
        presenter.confirm();
        // Wait until the entry is in the ledger and the request is at the server... The sleep
        // is only the polling interval of a condition the server reports (nothing posts a task
        // when a request arrives); the bound is generous so a slow machine does not fail it.
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
        while (b.pay_requests() == 0 && std::chrono::steady_clock::now() < deadline) {
            b.t.ui.drain();
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
        REQUIRE(b.pay_requests() == 1);
        CHECK(b.ledger(bill.id).at(0).status == store::PaymentStatus::pending);
    } // ...and "crash": presenter and resolver are gone before the answer.
    REQUIRE(b.t.ui.run_until([&] { return b.bill_status(bill.id) == "paid"; }));
    b.t.ui.drain();
    auto entries = b.ledger(bill.id);
    REQUIRE(entries.size() == 1);
    CHECK(entries[0].status == store::PaymentStatus::pending); // nobody heard the answer

    // The next start: vault unlocked and signed in, a new resolver asks about it.
    app::PaymentResolver at_start(*b.context);
    REQUIRE(b.t.ui.run_until(
        [&] { return b.ledger(bill.id).at(0).status == store::PaymentStatus::paid; }));
    entries = b.ledger(bill.id);
    REQUIRE(entries.size() == 1);
    CHECK(entries[0].receipt_number);
    CHECK(b.charges(bill.id) == 1);
    CHECK(b.pay_requests() == 2); // the one payment, and the one question with the same key
    // The citizen hears of it, though the dialog is long gone.
    REQUIRE(b.t.ui.run_until([&] { return !b.t.notifier.sent().empty(); }));
    CHECK(b.t.notifier.sent().back().first.id == "A pending payment went through");
    CHECK(b.t.notifier.sent().back().second.args.at(2) == *entries[0].receipt_number);
}

TEST_CASE("a payment that never left before the app stopped is sent once at the next start",
          "[ui-logic][app][payments]") {
    PaymentBench b;
    const auto bill = b.due_bill("telecom");
    // The pending entry as the app left it: written, but the request never went out.
    b.t.vault->run_and_wait([&](store::Vault& v) {
        return store::PaymentLedger(v)
            .record_pending({bill.id, bill.provider.en, bill.kind, bill.account_number, bill.amount,
                             app::new_idempotency_key("cdpay-"), std::chrono::system_clock::now()})
            .ok();
    });
    {
        // Bills due marks it as a payment whose outcome is not known yet.
        RecordingBillsView bills_view;
        app::BillsPresenter bills(*b.context, bills_view);
        REQUIRE(b.t.ui.run_until([&] { return bills.pending_of(bill.id).value_or(false); }));
    }
    app::PaymentResolver at_start(*b.context);
    REQUIRE(b.t.ui.run_until([&] {
        return !at_start.in_flight(bill.id) &&
               b.ledger(bill.id).at(0).status == store::PaymentStatus::paid;
    }));
    CHECK(b.charges(bill.id) == 1);

    // A new pay dialog for the same bill later: the platform says it is paid; no new charge.
    RecordingPayView view;
    app::PaymentPresenter presenter(*b.context, at_start, view, bill);
    presenter.confirm();
    REQUIRE(b.t.ui.run_until([&] { return view.last().stage == app::PayStage::declined; }));
    CHECK(view.last().outcome.id.find("paid already") != std::string::npos);
    CHECK(b.charges(bill.id) == 1);
}

TEST_CASE("two pay dialogs for one bill send one request", "[ui-logic][app][payments]") {
    PaymentBench b;
    const auto bill = b.due_bill("water");
    b.faults({rule("latency", 1, 150)});
    app::PaymentResolver resolver(*b.context);
    RecordingPayView first_view, second_view;
    app::PaymentPresenter first(*b.context, resolver, first_view, bill);
    app::PaymentPresenter second(*b.context, resolver, second_view, bill);
    first.confirm();
    second.confirm();
    REQUIRE(b.t.ui.run_until([&] {
        return first_view.last().stage == app::PayStage::paid &&
               second_view.last().stage == app::PayStage::paid;
    }));
    CHECK(b.pay_requests() == 1);
    CHECK(b.charges(bill.id) == 1);
    CHECK(b.ledger(bill.id).size() == 1);
}

TEST_CASE("the connection back while the payment's attempt is out: asked again after it",
          "[ui-logic][app][payments]") {
    PaymentBench b;
    const auto bill = b.due_bill("gas");
    b.record_pending(bill, "P0001");
    // The start's question reaches the platform, which takes the payment; the answer is lost on
    // every try the client makes of it.
    const int tries = net::RetryPolicy{}.max_attempts;
    b.faults({rule("truncate", tries)});
    app::PaymentResolver resolver(*b.context);
    REQUIRE(b.t.ui.run_until([&] { return resolver.in_flight(bill.id); }));
    b.t.events.publish(app::AppEvent::online); // reconnect while that attempt is out
    REQUIRE(b.t.ui.run_until([&] { return !resolver.in_flight(bill.id); }));
    b.t.ui.drain();
    auto entries = b.ledger(bill.id);
    REQUIRE(entries.size() == 1);
    CHECK(entries[0].status == store::PaymentStatus::paid);
    CHECK(b.charges(bill.id) == 1);
    CHECK(b.pay_requests() == tries + 1); // the lost ones, and one question after reconnecting
}

TEST_CASE("Refresh of the bills asks the platform about a pending payment",
          "[ui-logic][app][payments]") {
    PaymentBench b;
    const auto bill = b.due_bill("telecom");
    b.record_pending(bill, "P0001");
    // The start's question gets 503s on every try: still not known.
    b.faults({rule("error", net::RetryPolicy{}.max_attempts)});
    app::PaymentResolver resolver(*b.context);
    REQUIRE(b.t.ui.run_until([&] { return resolver.in_flight(bill.id); }));
    REQUIRE(b.t.ui.run_until([&] { return !resolver.in_flight(bill.id); }));
    b.t.ui.drain();
    REQUIRE(b.ledger(bill.id).at(0).status == store::PaymentStatus::pending);

    RecordingBillsView bills_view;
    app::BillsPresenter bills(*b.context, bills_view, &resolver);
    b.t.ui.drain();
    bills.refresh(); // the citizen presses Refresh
    REQUIRE(b.t.ui.run_until(
        [&] { return b.ledger(bill.id).at(0).status == store::PaymentStatus::paid; }));
    CHECK(b.charges(bill.id) == 1);
}

TEST_CASE("the outcome of a pending payment is notified once, however many triggers race",
          "[ui-logic][app][payments]") {
    PaymentBench b;
    const auto bill = b.due_bill("water");
    b.record_pending(bill, "P0001");
    app::PaymentResolver resolver(*b.context); // start
    REQUIRE(b.t.ui.run_until([&] { return resolver.in_flight(bill.id); }));
    b.t.events.publish(app::AppEvent::online);
    b.t.events.publish(app::AppEvent::vault_unlocked);
    b.t.events.publish(app::AppEvent::signed_in);
    resolver.resolve_all();
    REQUIRE(b.t.ui.run_until(
        [&] { return b.ledger(bill.id).at(0).status == store::PaymentStatus::paid; }));
    REQUIRE(b.t.ui.run_until([&] { return !resolver.in_flight(bill.id); }));
    b.t.ui.drain();
    resolver.resolve_all(); // nothing left to ask about
    b.t.ui.drain();
    const auto sent = b.t.notifier.sent();
    REQUIRE(sent.size() == 1);
    CHECK(sent[0].first.id == "A pending payment went through");
    CHECK(b.charges(bill.id) == 1);
}

TEST_CASE("nobody signed in: no payment question leaves, and the sign-in asks",
          "[ui-logic][app][payments]") {
    PaymentBench b;
    const auto bill = b.due_bill("power");
    b.record_pending(bill, "P0001");
    b.payer_sign_out();
    app::PaymentResolver resolver(*b.context);
    b.t.events.publish(app::AppEvent::vault_unlocked); // the start: unlocked, not signed in yet
    b.t.events.publish(app::AppEvent::online);
    b.t.ui.drain();
    CHECK_FALSE(resolver.in_flight(bill.id));
    CHECK(b.pay_requests() == 0);
    b.payer_sign_in(server::demo_phone); // the session is restored: signed_in
    REQUIRE(b.t.ui.run_until(
        [&] { return b.ledger(bill.id).at(0).status == store::PaymentStatus::paid; }));
    CHECK(b.pay_requests() == 1);
}

TEST_CASE("the pay dialog of a bill with a pending payment offers Check status, not Pay now",
          "[ui-logic][app][payments]") {
    PaymentBench b;
    const auto bill = b.due_bill("property");
    b.record_pending(bill, "P0001");
    b.faults({rule("error", -1)}); // the platform cannot answer payments for now
    app::PaymentResolver resolver(*b.context);
    REQUIRE(
        b.t.ui.run_until([&] { return b.pay_requests() >= 1 && !resolver.in_flight(bill.id); }));
    RecordingPayView view;
    app::PaymentPresenter presenter(*b.context, resolver, view, bill);
    REQUIRE(b.t.ui.run_until([&] { return view.last().check_status; }));
    CHECK(view.last().stage == app::PayStage::pending);
    CHECK(view.last().can_confirm);
    CHECK(view.last().outcome.id.find("still being checked") != std::string::npos);

    b.clear_faults();
    presenter.confirm(); // Check status: the same entry, the same key
    REQUIRE(b.t.ui.run_until([&] { return view.last().stage == app::PayStage::paid; }));
    CHECK_FALSE(view.last().check_status);
    CHECK(b.charges(bill.id) == 1);
    auto entries = b.ledger(bill.id);
    REQUIRE(entries.size() == 1); // no second entry, no new key
    CHECK(entries[0].status == store::PaymentStatus::paid);
}
