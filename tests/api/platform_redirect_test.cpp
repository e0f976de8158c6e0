// A platform that answers with a redirect to another address: the sign-in's phone and password
// and the session's token never reach that address, and its answers are never shown as the
// platform's. The other address is the real reference platform, which would accept both.
#include "catch.hpp"

#include "fixture_server.h"
#include "platform_fixture.h"

using namespace cd;
using namespace cd::test;

namespace {

const std::string safety_words =
    "The platform sent us to another address. For your safety CitizenDesk did not follow it.";

Reply redirect_to(int status, std::string location) {
    return Reply{.status = status, .headers = {{"Location", std::move(location)}}};
}

} // namespace

TEST_CASE("platform: a sign-in redirected to another address sends it nothing",
          "[api][platform][redirect]") {
    const int status = GENERATE(307, 308);
    PlatformFixture elsewhere;
    FixtureServer platform;
    platform.route("/v1/session", redirect_to(status, elsewhere.base_url() + "/v1/session"));
    api::PlatformClient client(elsewhere.http, api::PlatformConfig{platform.url(""), {}});

    auto r = await<api::SessionTokens>(
        [&](auto done) { client.login(server::demo_phone, server::demo_password, done); });

    CHECK(platform.count("/v1/session") == 1);
    CHECK(elsewhere.counter("POST /v1/session") == 0);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().kind == ErrorKind::protocol);
    CHECK(r.error().message_for_user().id == safety_words);
    CHECK_FALSE(client.signed_in());
}

TEST_CASE("platform: a profile redirected to another address is not fetched from there",
          "[api][platform][redirect]") {
    PlatformFixture elsewhere;
    const auto tokens = sign_in(*elsewhere.client); // a token the other address would honour
    elsewhere.clear_faults();
    FixtureServer platform;
    platform.route("/v1/me", redirect_to(302, elsewhere.base_url() + "/v1/me"));
    api::PlatformClient client(elsewhere.http, api::PlatformConfig{platform.url(""), {}});
    client.restore(tokens);

    auto r = await<api::Profile>([&](auto done) { client.me(done); });

    CHECK(platform.count("/v1/me") == 1);
    CHECK(elsewhere.counter("GET /v1/me") == 0);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().message_for_user().id == safety_words);
}
