// Two citizens on one vault, against the real platform: citizen A's payment whose answer was
// lost is never asked about with citizen B's session, never read as declined from B's 404, and
// settles when A is back. Queued submissions leave only with their own citizen's session.
#include "app/payment_presenter.h"
#include "catch.hpp"
#include "net/retry_policy.h"
#include "payment_fixture.h"
#include "store/outbox.h"

using namespace cd;
using namespace cd::test;

namespace {

struct RecordingPayView final : app::PaymentView {
    std::vector<app::PayState> shown;
    void show_payment(const app::PayState& s) override { shown.push_back(s); }
    const app::PayState& last() const { return shown.back(); }
};

// The platform takes the payment, then the answer is cut short, on every try the client makes
// of that request (it retries a keyed POST itself): the app cannot know.
boost::json::array answer_lost_after_commit() {
    return {boost::json::object{{"path_prefix", "/v1/payments"},
                                {"method", "POST"},
                                {"fault", "truncate"},
                                {"times", net::RetryPolicy{}.max_attempts}}};
}

std::vector<app::PayResult> resolve_now(PaymentBench& b, app::PaymentResolver& resolver) {
    std::optional<std::vector<app::PayResult>> results;
    resolver.resolve_all([&](std::vector<app::PayResult> r) { results = std::move(r); });
    REQUIRE(b.t.ui.run_until([&] { return results.has_value(); }));
    b.t.ui.drain();
    return *results;
}

} // namespace

TEST_CASE("citizen A's pending payment is not sent with B's token nor marked declined",
          "[ui-logic][app][payments]") {
    PaymentBench b;
    const auto bill = b.due_bill("water");
    b.faults(answer_lost_after_commit());
    app::PaymentResolver resolver(*b.context);
    {
        RecordingPayView view;
        app::PaymentPresenter presenter(*b.context, resolver, view, bill);
        presenter.confirm();
        REQUIRE(b.t.ui.run_until([&] { return view.last().stage == app::PayStage::pending; }));
    }
    REQUIRE(b.bill_status(bill.id) == "paid"); // A was charged; the app does not know it yet
    auto entries = b.ledger(bill.id);
    REQUIRE(entries.size() == 1);
    CHECK(entries[0].status == store::PaymentStatus::pending);
    CHECK(entries[0].owner == "P0001");
    const int asked = b.pay_requests();
    REQUIRE(asked == net::RetryPolicy{}.max_attempts);

    // A signs out, B signs in on the same vault; every trigger fires.
    b.payer_sign_out();
    b.payer_sign_in(server::second_demo_phone);
    b.t.events.publish(app::AppEvent::online);
    const auto results = resolve_now(b, resolver);
    CHECK(results.empty());           // B has nothing pending
    CHECK(b.pay_requests() == asked); // A's order did not leave with B's token
    entries = b.ledger(bill.id);
    REQUIRE(entries.size() == 1);
    CHECK(entries[0].status == store::PaymentStatus::pending); // not "declined"
    CHECK(entries[0].owner == "P0001");
    CHECK(b.t.notifier.sent().empty());

    // A is back: the same key again, the platform replays the payment it took.
    b.payer_sign_out();
    b.payer_sign_in(server::demo_phone);
    REQUIRE(b.t.ui.run_until(
        [&] { return b.ledger(bill.id).at(0).status == store::PaymentStatus::paid; }));
    CHECK(b.charges(bill.id) == 1);
    CHECK(b.pay_requests() == asked + 1);
}

TEST_CASE("a payment never leaves with a session that is not its owner's, even in a race",
          "[ui-logic][app][payments]") {
    PaymentBench b;
    const auto bill = b.due_bill("gas");
    b.record_pending(bill, "P0001");
    // The app still believes A is signed in, but the client's session is already B's.
    auto tokens = wait_for<api::SessionTokens>(
        [&](auto d) { b.payer->login(server::second_demo_phone, server::demo_password, d); });
    REQUIRE(tokens.ok());
    app::PaymentResolver resolver(*b.context);
    const auto results = resolve_now(b, resolver);
    REQUIRE(results.size() == 1);
    CHECK(results[0].outcome == app::PayOutcome::not_sent);
    CHECK(results[0].reason.id.find("another citizen") != std::string::npos);
    CHECK(b.pay_requests() == 0);
    CHECK(b.ledger(bill.id).at(0).status == store::PaymentStatus::pending);
}

TEST_CASE("a 404 for an order is never read as declined", "[ui-logic][app][payments]") {
    Error not_found = make_error(ErrorKind::http_status, "404 bill-not-found");
    not_found.http_status = 404;
    CHECK(app::classify_payment_error(not_found) == app::PayOutcome::unknown);
    Error no_funds = make_error(ErrorKind::http_status, "402");
    no_funds.http_status = 402;
    CHECK(app::classify_payment_error(no_funds) == app::PayOutcome::declined);

    // Against the platform: an entry (from a build before owners were recorded) for a bill
    // that is not the signed-in citizen's stays pending and untouched.
    PaymentBench b;
    b.payer_sign_out();
    b.payer_sign_in(server::second_demo_phone);
    api::Bill a_bill = b.due_bill("power"); // listed with the test client: A's bill
    b.record_pending(a_bill, "");
    app::PaymentResolver resolver(*b.context);
    const auto results = resolve_now(b, resolver);
    REQUIRE(results.size() == 1);
    CHECK(results[0].outcome == app::PayOutcome::not_sent);
    CHECK(b.pay_requests() == 0);
    auto entries = b.ledger(a_bill.id);
    REQUIRE(entries.size() == 1);
    CHECK(entries[0].status == store::PaymentStatus::pending);
    CHECK(entries[0].owner.empty()); // not adopted by B
}

TEST_CASE("queued submissions leave only with the session of the citizen who queued them",
          "[ui-logic][app]") {
    AppTestContext t;
    t.outbox->set_citizen([&] { return t.data.citizen_id(); });
    t.vault->run_and_wait([&](store::Vault& v) {
        store::Outbox box(v);
        return box.enqueue("voice.report", "of A", {}, t.context->now(), "P0001").ok() &&
               box.enqueue("voice.report", "of B", {}, t.context->now(), "P0002").ok();
    });
    std::vector<std::string> sent;
    t.outbox->set_deliverer("voice.report", [&](const store::OutboxItem& item, auto done) {
        sent.push_back(item.payload);
        done(Result<std::string>("SR-1"));
    });
    t.outbox->flush(); // nobody signed in: neither leaves
    REQUIRE(t.ui.run_until([&] { return !t.outbox->flushing(); }));
    CHECK(sent.empty());

    t.sign_in(server::second_demo_phone); // publishes signed_in: the sender flushes
    REQUIRE(t.ui.run_until([&] { return !sent.empty() && !t.outbox->flushing(); }));
    CHECK(sent == std::vector<std::string>{"of B"});
}
