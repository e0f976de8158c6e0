#include "catch.hpp"
#include "server_fixture.h"

#if !defined(_WIN32)
#include <sys/stat.h>
#endif

#include <filesystem>
#include <fstream>
#include <iterator>

using namespace cd::test;

namespace {

std::shared_ptr<httplib::Response> post_json(httplib::Client& c, const char* path,
                                             const json::object& body,
                                             const httplib::Headers& h = {}) {
    auto res = c.Post(path, h, json::serialize(body), "application/json");
    REQUIRE(res);
    return std::make_shared<httplib::Response>(*res);
}

} // namespace

TEST_CASE("sign-in with the demo password gives bearer tokens that open /v1/me", "[server]") {
    TestServer srv;
    auto c = srv.client();
    auto res = post_json(c, "/v1/session", {{"phone", "13800000000"}, {"password", "Demo@2026"}});
    REQUIRE(res->status == 201);
    auto t = parse(res->body).as_object();
    CHECK(t.at("token_type") == "Bearer");
    CHECK(t.at("expires_in").as_int64() > 0);
    auto me = c.Get("/v1/me", bearer(std::string(t.at("access_token").as_string())));
    REQUIRE(me);
    REQUIRE(me->status == 200);
    CHECK(parse(me->body).at("phone_masked") == "138****0000");
}

TEST_CASE("a wrong password and a missing token are 401 problems", "[server]") {
    TestServer srv;
    auto c = srv.client();
    auto wrong = post_json(c, "/v1/session", {{"phone", "13800000000"}, {"password", "nope"}});
    CHECK(wrong->status == 401);
    CHECK(problem_slug(wrong->body) == "invalid-credentials");
    auto none = c.Get("/v1/bills");
    REQUIRE(none);
    CHECK(none->status == 401);
    CHECK(none->has_header("WWW-Authenticate"));
}

TEST_CASE("an expired access token is refused with token-expired and refresh rotates", "[server]") {
    TestServer srv([](auto& o) { o.access_token_seconds = 0; });
    auto c = srv.client();
    auto t =
        parse(post_json(c, "/v1/session", {{"phone", "13800000000"}, {"password", "Demo@2026"}})
                  ->body)
            .as_object();
    auto me = c.Get("/v1/me", bearer(std::string(t.at("access_token").as_string())));
    REQUIRE(me);
    CHECK(me->status == 401);
    CHECK(problem_slug(me->body) == "token-expired");

    json::object refresh{{"refresh_token", t.at("refresh_token")}};
    auto first = post_json(c, "/v1/session/refresh", refresh);
    CHECK(first->status == 201);
    auto reuse = post_json(c, "/v1/session/refresh", refresh);
    CHECK(reuse->status == 401); // a refresh token works once
}

TEST_CASE("sign-out revokes the access token", "[server]") {
    TestServer srv;
    auto c = srv.client();
    auto token = srv.login();
    auto out = c.Delete("/v1/session", bearer(token));
    REQUIRE(out);
    CHECK(out->status == 204);
    auto me = c.Get("/v1/me", bearer(token));
    REQUIRE(me);
    CHECK(me->status == 401);
    CHECK(problem_slug(me->body) == "invalid-token");
}

TEST_CASE("the one-time code flow signs in and a too-eager second code gets 429", "[server]") {
    TestServer srv;
    auto c = srv.client();
    auto sent = post_json(c, "/v1/session/code", {{"phone", "13800000000"}});
    CHECK(sent->status == 202);
    auto again = post_json(c, "/v1/session/code", {{"phone", "13800000000"}});
    CHECK(again->status == 429);
    CHECK(std::stoi(again->get_header_value("Retry-After")) > 0);
    auto ok = post_json(c, "/v1/session",
                        {{"phone", "13800000000"}, {"code", cd::server::demo_one_time_code}});
    CHECK(ok->status == 201);
    auto bad = post_json(c, "/v1/session", {{"phone", "13800000000"}, {"code", "000000"}});
    CHECK(bad->status == 401);
}

TEST_CASE("five wrong passwords in a row make the sixth attempt a 429 with Retry-After",
          "[server]") {
    TestServer srv;
    auto c = srv.client();
    for (int i = 0; i < 5; ++i) {
        CHECK(post_json(c, "/v1/session", {{"phone", "13900000001"}, {"password", "guess"}})
                  ->status == 401);
    }
    auto locked =
        post_json(c, "/v1/session", {{"phone", "13900000001"}, {"password", "Demo@2026"}});
    CHECK(locked->status == 429);
    CHECK(std::stoi(locked->get_header_value("Retry-After")) > 0);
    // Another phone is not affected.
    CHECK(post_json(c, "/v1/session", {{"phone", "13800000000"}, {"password", "Demo@2026"}})
              ->status == 201);
}

namespace {

std::string file_bytes(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

} // namespace

TEST_CASE("the database keeps only digests of the tokens, which still authenticate, in a file "
          "others cannot read",
          "[server]") {
#if !defined(_WIN32)
    const mode_t umask_before = ::umask(022);
#endif
    TempDir dir;
    const auto db = dir.path() / "platform.db";
    TestServer srv({}, db.string());
    auto c = srv.client();
    auto t =
        parse(post_json(c, "/v1/session", {{"phone", "13800000000"}, {"password", "Demo@2026"}})
                  ->body)
            .as_object();
    const std::string access(t.at("access_token").as_string());
    const std::string refresh(t.at("refresh_token").as_string());
    auto me = c.Get("/v1/me", bearer(access));
    REQUIRE(me);
    CHECK(me->status == 200);

    // Whoever copies the file (with its -wal, where fresh rows are) finds no usable token.
    const std::string stored = file_bytes(db) + file_bytes(db.string() + "-wal");
    REQUIRE(stored.find("13800000000") != std::string::npos); // the bytes really are readable
    CHECK(stored.find(access) == std::string::npos);
    CHECK(stored.find(refresh) == std::string::npos);

#if !defined(_WIN32)
    for (const auto& p : {db.string(), db.string() + "-wal", db.string() + "-shm"}) {
        struct stat st {};
        REQUIRE(::stat(p.c_str(), &st) == 0);
        INFO(p);
        CHECK((st.st_mode & 0777) == 0600);
    }
    ::umask(umask_before);
#endif
    // On Windows the file has no modes: it inherits the owner-only access list of the app's
    // private folder it is kept in (app.private_folders tests read that list back).

    auto rotated = post_json(c, "/v1/session/refresh", {{"refresh_token", refresh}});
    CHECK(rotated->status == 201);
}
