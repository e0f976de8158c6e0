#include "catch.hpp"

#include "app_test_context.h"
#include "store/outbox.h"

#include <algorithm>
#include <chrono>

using namespace std::chrono_literals;

namespace {

cd::test::AppTestContext::Options offline_options() {
    cd::test::AppTestContext::Options options;
    options.start_platform = false; // the sender itself needs no platform
    return options;
}

std::int64_t enqueue(cd::test::AppTestContext& t, const std::string& kind,
                     const std::string& payload) {
    return t.vault->run_and_wait([&](cd::store::Vault& vault) {
        return *cd::store::Outbox(vault).enqueue(kind, payload, {}, t.context->now());
    });
}

std::vector<cd::store::OutboxItem> all_items(cd::test::AppTestContext& t) {
    return t.vault->run_and_wait(
        [](cd::store::Vault& vault) { return *cd::store::Outbox(vault).all(); });
}

cd::Error refused(bool retryable) {
    cd::Error error = cd::make_error(retryable ? cd::ErrorKind::network : cd::ErrorKind::validation,
                                     "test refusal");
    error.retryable = retryable;
    return error;
}

} // namespace

TEST_CASE("the outbox sender removes an item only once its deliverer succeeded", "[ui-logic]") {
    cd::test::AppTestContext t(offline_options());
    enqueue(t, "voice.report", "first");
    enqueue(t, "voice.report", "second");

    std::vector<std::string> sent;
    bool fail = true;
    t.outbox->set_deliverer("voice.report", [&](const cd::store::OutboxItem& item, auto done) {
        sent.push_back(item.payload);
        if (fail) {
            done(cd::Result<std::string>(refused(true)));
        } else {
            done(cd::Result<std::string>("SR-" + item.payload));
        }
    });
    std::vector<std::string> outcomes;
    t.outbox->add_listener([&](const cd::store::OutboxItem&, const cd::Result<std::string>& r) {
        outcomes.push_back(r.ok() ? *r : "error");
    });

    t.outbox->flush();
    REQUIRE(t.ui.run_until([&] { return !t.outbox->flushing(); }));
    // A retryable failure stops the round: the platform is not taking items now.
    CHECK(sent == std::vector<std::string>{"first"});
    CHECK(outcomes == std::vector<std::string>{"error"});
    auto items = all_items(t);
    REQUIRE(items.size() == 2);
    CHECK(items[0].attempts == 1);
    CHECK(items[0].last_error.has_value());

    // Later, past the backoff, the platform takes them both.
    fail = false;
    t.context->now = [] {
        return std::chrono::system_clock::now() + 2h;
    };
    t.events.publish(cd::app::AppEvent::online);
    REQUIRE(t.ui.run_until([&] { return !t.outbox->flushing() && outcomes.size() == 3; }));
    // (The store hands them over by next-attempt time, so the retried one may come second.)
    std::sort(outcomes.begin() + 1, outcomes.end());
    CHECK(outcomes == std::vector<std::string>{"error", "SR-first", "SR-second"});
    CHECK(all_items(t).empty());
}

TEST_CASE("items of a kind nobody delivers wait in the outbox", "[ui-logic]") {
    cd::test::AppTestContext t(offline_options());
    enqueue(t, "application.submit", "form");
    int calls = 0;
    t.outbox->set_deliverer("voice.report", [&](const cd::store::OutboxItem&, auto done) {
        ++calls;
        done(cd::Result<std::string>("never"));
    });
    t.outbox->flush();
    REQUIRE(t.ui.run_until([&] { return !t.outbox->flushing(); }));
    CHECK(calls == 0);
    CHECK(all_items(t).size() == 1);
}

TEST_CASE("a failure retrying cannot fix waits a day and the next item still goes", "[ui-logic]") {
    cd::test::AppTestContext t(offline_options());
    enqueue(t, "voice.report", "bad");
    enqueue(t, "voice.report", "good");
    t.outbox->set_deliverer("voice.report", [&](const cd::store::OutboxItem& item, auto done) {
        if (item.payload == "bad") {
            done(cd::Result<std::string>(refused(false)));
        } else {
            done(cd::Result<std::string>("ok"));
        }
    });
    t.outbox->flush();
    REQUIRE(t.ui.run_until([&] { return !t.outbox->flushing(); }));
    auto items = all_items(t);
    REQUIRE(items.size() == 1);
    CHECK(items[0].payload == "bad");
    CHECK(cd::app::OutboxSender::backoff(1, false) == 24h);
}

TEST_CASE("the outbox backoff doubles from 30 seconds up to an hour", "[ui-logic]") {
    using cd::app::OutboxSender;
    CHECK(OutboxSender::backoff(1, true) == 30s);
    CHECK(OutboxSender::backoff(2, true) == 60s);
    CHECK(OutboxSender::backoff(5, true) == 480s);
    CHECK(OutboxSender::backoff(8, true) == 1h);
    CHECK(OutboxSender::backoff(50, true) == 1h);
}

TEST_CASE("a locked vault sends nothing", "[ui-logic]") {
    cd::test::AppTestContext::Options options = offline_options();
    options.unlock_vault = false;
    cd::test::AppTestContext t(options);
    int calls = 0;
    t.outbox->set_deliverer("voice.report", [&](const cd::store::OutboxItem&, auto done) {
        ++calls;
        done(cd::Result<std::string>("x"));
    });
    t.outbox->flush();
    t.ui.drain();
    CHECK_FALSE(t.outbox->flushing());
    CHECK(calls == 0);
}
