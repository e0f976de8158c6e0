// Redirects never leave the request's origin and never re-send a request with a body: two real
// loopback servers, the second standing for whoever a hostile answer points at.
#include "catch.hpp"

#include "fixture_server.h"
#include "http_test_support.h"

#include <vector>

using namespace cd;
using namespace cd::test;

namespace {

Reply redirect_to(int status, std::string location) {
    return Reply{.status = status, .headers = {{"Location", std::move(location)}}};
}

const std::string safety_words =
    "The platform sent us to another address. For your safety CitizenDesk did not follow it.";

} // namespace

TEST_CASE("a sign-in POST answered with 307 or 308 is not re-sent to another host",
          "[net][redirect]") {
    const int status = GENERATE(307, 308);
    FixtureServer origin;
    FixtureServer elsewhere;
    elsewhere.route("/v1/session", Reply{.status = 201, .body = "{\"access_token\":\"x\"}"});
    origin.route("/v1/session", redirect_to(status, elsewhere.url("/v1/session?ticket=s3cret")));
    CapturedLog log(diag::Level::debug);
    net::CurlHttpClient client(fast_config());

    auto r = fetch(client, post(origin.url("/v1/session"),
                                "{\"phone\":\"13800000000\",\"password\":\"Demo@2026\"}"));

    CHECK(elsewhere.received_all().empty());
    CHECK(origin.count("/v1/session") == 1);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().kind == ErrorKind::protocol);
    CHECK_FALSE(r.error().retryable);
    CHECK(r.error().message_for_user().id == safety_words);
    // The log says from where to where, without the query's secret.
    const auto& detail = r.error().detail;
    CHECK(detail.find("127.0.0.1:" + std::to_string(origin.port()) + "/v1/session") !=
          std::string::npos);
    CHECK(detail.find("127.0.0.1:" + std::to_string(elsewhere.port()) + "/v1/session") !=
          std::string::npos);
    CHECK(log.sink->all().find("s3cret") == std::string::npos);
    CHECK(detail.find("s3cret") == std::string::npos);
}

TEST_CASE("a GET answered with 302 to another host is not followed", "[net][redirect]") {
    FixtureServer origin;
    FixtureServer elsewhere;
    elsewhere.route("/v1/bills", Reply{.body = "{\"items\":[{\"amount_fen\":999999}]}"});
    origin.route("/v1/bills", redirect_to(302, elsewhere.url("/v1/bills")));
    net::CurlHttpClient client(fast_config());

    auto r = fetch(client, get(origin.url("/v1/bills")));

    CHECK(elsewhere.received_all().empty());
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().kind == ErrorKind::protocol);
    CHECK(r.error().message_for_user().id == safety_words);
}

TEST_CASE("a redirect to another port or scheme of the same host is another origin",
          "[net][redirect]") {
    FixtureServer origin;
    FixtureServer other_port;
    other_port.route("/me", Reply{.body = "someone else"});
    const std::string there = "127.0.0.1:" + std::to_string(other_port.port());
    const std::string here = "127.0.0.1:" + std::to_string(origin.port());
    const std::vector<std::string> targets = {
        "http://" + there + "/me",
        "https://" + here + "/me",               // same host and port, another scheme
        "//" + there + "/me",                    // scheme-relative
        "http://" + here + "@" + there + "/me"}; // userinfo that looks like the origin
    const std::string target = targets.at(static_cast<std::size_t>(GENERATE(0, 1, 2, 3)));
    INFO(target);
    origin.route("/me", redirect_to(302, target));
    net::CurlHttpClient client(fast_config());

    auto r = fetch(client, get(origin.url("/me")));

    CHECK(other_port.received_all().empty());
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().message_for_user().id == safety_words);
}

TEST_CASE("a same-origin redirect is followed for a GET", "[net][redirect]") {
    FixtureServer origin;
    origin.route("/old", redirect_to(301, "/new?page=2"));
    origin.route("/new", Reply{.body = "moved here"});
    net::CurlHttpClient client(fast_config());

    auto r = fetch(client, get(origin.url("/old")));

    REQUIRE(r.ok());
    CHECK(r->status == 200);
    CHECK(r->body == "moved here");
    CHECK(r->attempts == 1);
    const auto seen = origin.received("/new");
    REQUIRE(seen.size() == 1);
    CHECK(seen[0].raw_target == "/new?page=2");
}

TEST_CASE("a same-origin redirect of a POST is not re-sent", "[net][redirect]") {
    const int status = GENERATE(302, 303, 307, 308);
    FixtureServer origin;
    origin.route("/v1/payments", redirect_to(status, "/v1/payments/again"));
    origin.route("/v1/payments/again", Reply{.status = 201});
    net::CurlHttpClient client(fast_config());

    auto request = post(origin.url("/v1/payments"), "{\"amount_fen\":100}");
    request.idempotency_key = "key-1";
    auto r = fetch(client, request);

    CHECK(origin.count("/v1/payments") == 1);
    CHECK(origin.count("/v1/payments/again") == 0);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().kind == ErrorKind::protocol);
}

TEST_CASE("redirects within the origin are bounded", "[net][redirect]") {
    FixtureServer origin;
    origin.route("/loop", redirect_to(302, "/loop"));
    net::CurlHttpClient client(fast_config());

    auto r = fetch(client, get(origin.url("/loop")));

    REQUIRE_FALSE(r.ok());
    CHECK(r.error().kind == ErrorKind::protocol);
    CHECK(origin.count("/loop") == 6); // the request and five redirects
}
