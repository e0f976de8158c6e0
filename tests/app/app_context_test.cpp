#include "catch.hpp"

#include "app_test_context.h"

#include <thread>

using cd::app::AppEvent;
using cd::app::ConnectionState;

TEST_CASE("call_platform hands the platform's answer to the UI thread", "[ui-logic]") {
    cd::test::AppTestContext t;
    std::optional<cd::Result<cd::api::City>> city;
    std::thread::id delivered_on;
    cd::app::call_platform<cd::api::City>(
        *t.platform, t.ui, [](cd::api::PlatformClient& c, auto done) { c.city(done); },
        [&](cd::Result<cd::api::City> r) {
            delivered_on = std::this_thread::get_id();
            city = std::move(r);
        });
    REQUIRE(t.ui.run_until([&] { return city.has_value(); }));
    CHECK(delivered_on == std::this_thread::get_id());
    REQUIRE(city->ok());
    CHECK((*city)->name.en == "Haichuan");
}

TEST_CASE("call_platform delivers the error when the platform cannot be reached", "[ui-logic]") {
    cd::test::AppTestContext::Options options;
    options.start_platform = false;
    cd::test::AppTestContext t(options);
    std::optional<cd::Result<cd::api::City>> city;
    cd::app::call_platform<cd::api::City>(
        *t.platform, t.ui, [](cd::api::PlatformClient& c, auto done) { c.city(done); },
        [&](cd::Result<cd::api::City> r) { city = std::move(r); });
    REQUIRE(t.ui.run_until([&] { return city.has_value(); }));
    REQUIRE_FALSE(city->ok());
    CHECK(city->error().kind == cd::ErrorKind::network);
}

TEST_CASE("vault jobs run only while the vault is unlocked", "[ui-logic]") {
    cd::test::AppTestContext::Options options;
    options.start_platform = false;
    options.unlock_vault = false;
    cd::test::AppTestContext t(options);
    CHECK_FALSE(t.vault->exists());

    std::optional<cd::Result<int>> answer;
    t.vault->run<int>([](cd::store::Vault&) -> cd::Result<int> { return 7; },
                      [&](cd::Result<int> r) { answer = std::move(r); });
    REQUIRE(t.ui.run_until([&] { return answer.has_value(); }));
    REQUIRE_FALSE(answer->ok());
    CHECK(answer->error().kind == cd::ErrorKind::auth);
    CHECK(answer->error().user_message == cd::app::vault_locked_error().user_message);

    std::optional<cd::Status> created;
    t.vault->create(cd::store::SecretBytes("a long enough passphrase 2026"),
                    [&](cd::Status s) { created = s; });
    REQUIRE(t.ui.run_until([&] { return created.has_value(); }));
    REQUIRE(created->ok());
    CHECK(t.vault->unlocked());
    CHECK(t.vault->exists());

    answer.reset();
    t.vault->run<int>(
        [](cd::store::Vault& v) -> cd::Result<int> { return v.is_unlocked() ? 7 : 0; },
        [&](cd::Result<int> r) { answer = std::move(r); });
    REQUIRE(t.ui.run_until([&] { return answer.has_value(); }));
    REQUIRE(answer->ok());
    CHECK(**answer == 7);

    bool locked = false;
    t.vault->lock([&] { locked = true; });
    REQUIRE(t.ui.run_until([&] { return locked; }));
    CHECK_FALSE(t.vault->unlocked());

    std::optional<cd::Status> wrong;
    t.vault->unlock(cd::store::SecretBytes("not the passphrase at all"),
                    [&](cd::Status s) { wrong = s; });
    REQUIRE(t.ui.run_until([&] { return wrong.has_value(); }));
    REQUIRE_FALSE(wrong->ok());
    CHECK(wrong->error().kind == cd::ErrorKind::crypto);
    CHECK_FALSE(t.vault->unlocked());
}

TEST_CASE("app events reach subscribers until their subscription ends", "[ui-logic]") {
    cd::app::EventHub hub;
    cd::app::PlatformData data(hub);
    std::vector<AppEvent> seen;
    {
        cd::app::Subscription subscription(hub, [&](AppEvent e) { seen.push_back(e); });
        data.set_connection(ConnectionState::connecting);
        data.set_connection(ConnectionState::online);
        data.set_connection(ConnectionState::online); // no change, no event
        data.set_connection(ConnectionState::offline);
        data.set_signed_in(std::nullopt);
    }
    data.set_signed_out(); // nobody listens any more
    CHECK(seen == std::vector<AppEvent>{AppEvent::online, AppEvent::offline, AppEvent::signed_in});
    CHECK_FALSE(data.signed_in());
}

TEST_CASE("localized text falls back to the other language when one is missing", "[ui-logic]") {
    CHECK(cd::app::localized({"社保卡", "Social security card"}, true) == "社保卡");
    CHECK(cd::app::localized({"社保卡", "Social security card"}, false) == "Social security card");
    CHECK(cd::app::localized({"", "Only English"}, true) == "Only English");
    CHECK(cd::app::localized({"只有中文", ""}, false) == "只有中文");
}
