// The session: bearer tokens, 401 -> one refresh -> one replay, a refused refresh ending the
// session, one refresh for many concurrent 401s, and no token or password in the log.
#include "catch.hpp"
#include "diag/log.h"
#include "movable_clock.h"
#include "platform_fixture.h"

#include <mutex>
#include <thread>

using namespace cd;
using namespace cd::test;

namespace {

// The platform reads the test's clock: moving it past the access token's lifetime expires the
// token at once, and no token expires on its own while a slow machine runs the test.
MovableClock platform_clock;

void clock_of_the_test(server::PlatformServerOptions& o) {
    o.clock = platform_clock.function();
}

void let_access_expire() {
    platform_clock.advance(
        std::chrono::seconds(server::PlatformServerOptions{}.access_token_seconds + 1));
}

class MemorySink final : public diag::Sink {
public:
    void write(const diag::Record&, std::string_view line) override {
        std::lock_guard lock(mutex_);
        text_ += std::string(line) + "\n";
    }
    std::string text() const {
        std::lock_guard lock(mutex_);
        return text_;
    }

private:
    mutable std::mutex mutex_;
    std::string text_;
};

} // namespace

TEST_CASE("platform: an expired access token is refreshed once and the call replayed once",
          "[api][platform][session]") {
    PlatformFixture f(clock_of_the_test);
    auto& c = *f.client;
    const auto first = sign_in(c);
    let_access_expire();
    f.clear_faults();

    auto me = await<api::Profile>([&](auto d) { c.me(d); });
    REQUIRE(me.ok());
    CHECK(me->id == first.citizen_id);
    CHECK(f.counter("GET /v1/me") == 2);
    CHECK(f.counter("POST /v1/session/refresh") == 1);
    CHECK(c.signed_in());

    // The next call uses the new token at once.
    auto accounts = await<std::vector<api::Account>>([&](auto d) { c.accounts(d); });
    CHECK(accounts.ok());
    CHECK(f.counter("GET /v1/accounts") == 1);
    CHECK(f.counter("POST /v1/session/refresh") == 1);
}

TEST_CASE("platform: many calls hitting 401 together share one refresh",
          "[api][platform][session]") {
    PlatformFixture f(clock_of_the_test);
    auto& c = *f.client;
    sign_in(c);
    let_access_expire();
    f.clear_faults();

    constexpr int calls = 6;
    std::vector<std::future<Result<api::Profile>>> pending;
    std::vector<std::shared_ptr<std::promise<Result<api::Profile>>>> promises;
    for (int i = 0; i < calls; ++i) {
        auto p = std::make_shared<std::promise<Result<api::Profile>>>();
        pending.push_back(p->get_future());
        c.me([p](Result<api::Profile> r) { p->set_value(std::move(r)); });
        promises.push_back(p);
    }
    for (auto& p : pending) {
        REQUIRE(p.wait_for(std::chrono::seconds(30)) == std::future_status::ready);
        CHECK(p.get().ok());
    }
    CHECK(f.counter("POST /v1/session/refresh") == 1);
    CHECK(f.counter("GET /v1/me") >= calls + 1);
}

TEST_CASE("platform: a refused refresh ends the session with an auth error",
          "[api][platform][session]") {
    PlatformFixture f;
    auto& c = *f.client;
    auto tokens = sign_in(c);
    tokens.access_token = "no-such-access-token";
    tokens.refresh_token = "no-such-refresh-token";
    c.restore(tokens);
    f.clear_faults();

    auto me = await<api::Profile>([&](auto d) { c.me(d); });
    REQUIRE_FALSE(me.ok());
    CHECK(me.error().kind == ErrorKind::auth);
    CHECK_FALSE(me.error().retryable);
    CHECK(f.counter("POST /v1/session/refresh") == 1);
    CHECK(f.counter("GET /v1/me") == 1);
    CHECK_FALSE(c.signed_in());

    // Signed out: nothing is sent at all.
    auto again = await<api::Profile>([&](auto d) { c.me(d); });
    REQUIRE_FALSE(again.ok());
    CHECK(again.error().kind == ErrorKind::auth);
    CHECK(f.counter("GET /v1/me") == 1);
}

TEST_CASE("platform: an explicit refresh rotates both tokens, and the old refresh token is spent",
          "[api][platform][session]") {
    PlatformFixture f;
    auto& c = *f.client;
    const auto first = sign_in(c);
    auto second = await<api::SessionTokens>([&](auto d) { c.refresh(d); });
    REQUIRE(second.ok());
    CHECK(second->access_token != first.access_token);
    CHECK(second->refresh_token != first.refresh_token);
    CHECK(await<api::Profile>([&](auto d) { c.me(d); }).ok());

    c.restore(first); // the spent pair: its access token was revoked with the rotation
    auto stale = await<api::Profile>([&](auto d) { c.me(d); });
    REQUIRE_FALSE(stale.ok());
    CHECK(stale.error().kind == ErrorKind::auth);
}

TEST_CASE("platform: no token, password or phone number reaches the log",
          "[api][platform][session]") {
    auto sink = std::make_shared<MemorySink>();
    const auto level = diag::level();
    diag::set_level(diag::Level::trace);
    diag::add_sink(sink);
    std::vector<std::string> secrets{server::demo_password};
    {
        PlatformFixture f(clock_of_the_test);
        auto& c = *f.client;
        const auto first = sign_in(c);
        let_access_expire();
        REQUIRE(await<api::Profile>([&](auto d) { c.me(d); }).ok()); // 401, refresh, replay
        auto rotated = await<api::SessionTokens>([&](auto d) { c.refresh(d); });
        REQUIRE(rotated.ok());
        CHECK(await<cd::Done>([&](auto d) { c.logout(d); }).ok());
        secrets.insert(secrets.end(), {first.access_token, first.refresh_token,
                                       rotated->access_token, rotated->refresh_token});
    }
    diag::remove_sink(sink);
    diag::set_level(level);
    const auto log = sink->text();
    CHECK(log.find("session refreshed") != std::string::npos); // the sink did see our lines
    for (const auto& s : secrets) {
        CHECK(log.find(s) == std::string::npos);
    }
    CHECK(log.find(server::demo_phone) == std::string::npos);
}

TEST_CASE("platform: the token listener hears every new pair, also a refresh inside a call",
          "[api][platform][session]") {
    PlatformFixture f(clock_of_the_test);
    auto& c = *f.client;
    std::mutex mutex;
    std::vector<std::string> heard; // refresh tokens, in order
    c.set_token_listener([&](const api::SessionTokens& t) {
        std::lock_guard lock(mutex);
        heard.push_back(t.refresh_token);
    });
    const auto first = sign_in(c);
    {
        std::lock_guard lock(mutex);
        REQUIRE(heard.size() == 1);
        CHECK(heard.back() == first.refresh_token);
    }

    // A call that meets 401 refreshes on its own: the rotated pair is heard.
    let_access_expire();
    f.clear_faults();
    REQUIRE(await<api::Profile>([&](auto d) { c.me(d); }).ok());
    REQUIRE(f.counter("POST /v1/session/refresh") == 1);
    std::string rotated;
    {
        std::lock_guard lock(mutex);
        REQUIRE(heard.size() == 2);
        rotated = heard.back();
    }
    CHECK(rotated != first.refresh_token);

    // The heard token is the live one: a new client restores the session with it, while the
    // first (single-use, already used) refresh token is refused.
    api::PlatformClient other(f.http, api::PlatformConfig{f.base_url(), {}});
    other.restore(api::SessionTokens{"", first.refresh_token, {}, {}, ""});
    CHECK_FALSE(await<api::SessionTokens>([&](auto d) { other.refresh(d); }).ok());
    other.restore(api::SessionTokens{"", rotated, {}, {}, ""});
    CHECK(await<api::SessionTokens>([&](auto d) { other.refresh(d); }).ok());
    CHECK(await<api::Profile>([&](auto d) { other.me(d); }).ok());

    // Forgetting the session is no new pair.
    c.forget_session();
    std::lock_guard lock(mutex);
    CHECK(heard.size() == 2);
}
