#include "catch.hpp"

#include "app_test_context.h"
#include "store/outbox.h"

#include <algorithm>
#include <chrono>
#include <cstdint>

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

cd::Error answered(int status) {
    cd::Error error =
        cd::make_error(cd::ErrorKind::validation, "HTTP status " + std::to_string(status));
    error.http_status = status;
    error.retryable = status == 408 || status == 425 || status == 429;
    error.user_message = cd::msg("The city refused the report: {0}", {"bin_type is required"});
    return error;
}

TEST_CASE("a refused item is kept with its reason, never retried, and the next item still goes",
          "[ui-logic]") {
    cd::test::AppTestContext t(offline_options());
    enqueue(t, "voice.report", "bad");
    enqueue(t, "voice.report", "good");
    int bad_sends = 0;
    t.outbox->set_deliverer("voice.report", [&](const cd::store::OutboxItem& item, auto done) {
        if (item.payload == "bad") {
            ++bad_sends;
            done(cd::Result<std::string>(answered(400)));
        } else {
            done(cd::Result<std::string>("ok"));
        }
    });
    std::vector<std::int64_t> counts;
    t.outbox->set_refused_count_listener([&](std::int64_t n) { counts.push_back(n); });
    t.outbox->flush();
    REQUIRE(t.ui.run_until(
        [&] { return !t.outbox->flushing() && !counts.empty() && counts.back() == 1; }));
    auto items = all_items(t);
    REQUIRE(items.size() == 1);
    CHECK(items[0].payload == "bad");
    REQUIRE(items[0].refused());
    const auto reason = cd::app::decode_refusal(*items[0].refused_reason);
    CHECK(reason.id == "The city refused the report: {0}");
    CHECK(reason.args == std::vector<std::string>{"bin_type is required"});

    // A year later it still is not sent again as it is.
    t.context->now = [] {
        return std::chrono::system_clock::now() + 24h * 365;
    };
    t.outbox->flush();
    REQUIRE(t.ui.run_until([&] { return !t.outbox->flushing(); }));
    CHECK(bad_sends == 1);
    CHECK(all_items(t).size() == 1);
}

TEST_CASE("what counts as refused for good: 4xx but 401, 408, 425 and 429", "[ui-logic]") {
    using cd::app::OutboxSender;
    CHECK(OutboxSender::refused_for_good(answered(400)));
    CHECK(OutboxSender::refused_for_good(answered(404)));
    CHECK(OutboxSender::refused_for_good(answered(409)));
    CHECK(OutboxSender::refused_for_good(answered(422)));
    CHECK_FALSE(OutboxSender::refused_for_good(answered(401)));
    CHECK_FALSE(OutboxSender::refused_for_good(answered(408)));
    CHECK_FALSE(OutboxSender::refused_for_good(answered(425)));
    CHECK_FALSE(OutboxSender::refused_for_good(answered(429)));
    CHECK_FALSE(OutboxSender::refused_for_good(answered(503)));
    CHECK_FALSE(OutboxSender::refused_for_good(refused(true)));
    CHECK(OutboxSender::refused_for_good(cd::make_error(cd::ErrorKind::storage, "photo gone")));
}

TEST_CASE("the outbox backoff doubles from 30 seconds up to 15 minutes, with jitter",
          "[ui-logic]") {
    using cd::app::OutboxSender;
    CHECK(OutboxSender::backoff(1) == 30s);
    CHECK(OutboxSender::backoff(2) == 60s);
    CHECK(OutboxSender::backoff(5) == 480s);
    CHECK(OutboxSender::backoff(6) == 15min);
    CHECK(OutboxSender::backoff(50) == 15min);
    CHECK(OutboxSender::with_jitter(100s, 0.0) == 80s);
    CHECK(OutboxSender::with_jitter(100s, 0.5) == 100s);
    CHECK(OutboxSender::with_jitter(100s, 0.999) < 120s);
    CHECK(OutboxSender::with_jitter(OutboxSender::backoff(50), 0.999) < 18min);
}

TEST_CASE("an unreachable platform waits minutes with the injected clock and jitter",
          "[ui-logic]") {
    cd::test::AppTestContext t(offline_options());
    const auto t0 = std::chrono::system_clock::now();
    t.context->now = [t0] {
        return t0;
    };
    cd::app::OutboxSender sender(
        t.ui, *t.vault, t.events, [&] { return t.context->now(); }, [] { return 0.0; });
    enqueue(t, "voice.report", "later");
    bool up = false;
    int sends = 0;
    sender.set_deliverer("voice.report", [&](const cd::store::OutboxItem&, auto done) {
        ++sends;
        done(up ? cd::Result<std::string>("SR-1") : cd::Result<std::string>(refused(true)));
    });
    sender.flush();
    REQUIRE(t.ui.run_until([&] { return !sender.flushing() && sends == 1; }));
    // 30 s less 20 % jitter: not yet at 23 s, due at 24 s.
    t.context->now = [t0] {
        return t0 + 23s;
    };
    sender.flush();
    REQUIRE(t.ui.run_until([&] { return !sender.flushing(); }));
    CHECK(sends == 1);
    up = true;
    t.context->now = [t0] {
        return t0 + 24s;
    };
    sender.flush();
    REQUIRE(t.ui.run_until([&] { return !sender.flushing() && all_items(t).empty(); }));
    CHECK(sends == 2);
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
