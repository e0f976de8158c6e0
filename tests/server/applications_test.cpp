#include "catch.hpp"
#include "movable_clock.h"
#include "server_fixture.h"

using namespace cd::test;

namespace {

const char* valid_form = R"({"applicant_name":"张明","resident_id":"11010519491231002X",
    "phone":"13800000000","address":"翠苑三区12幢","delivery":"pickup"})";

httplib::Result submit(httplib::Client& c, const std::string& token, const std::string& form,
                       const std::string& idempotency_key = "") {
    httplib::MultipartFormDataItems items = {
        {"service_id", "G0002", "", ""},
        {"form", form, "", "application/json"},
        {"attachments", "%PDF-1.4 fake", "photo.pdf", "application/pdf"},
    };
    httplib::Headers headers = bearer(token);
    if (!idempotency_key.empty()) {
        headers.emplace("Idempotency-Key", idempotency_key);
    }
    return c.Post("/v1/applications", headers, items);
}

} // namespace

TEST_CASE("an application is accepted and its timeline moves forward with the clock", "[server]") {
    // 100 virtual hours per real second: the whole path passes in about half a second.
    MovableClock platform_clock; // the test moves the platform's time past the whole path
    TestServer srv([&](auto& o) {
        o.clock = platform_clock.function();
        o.access_token_seconds = 7 * 24 * 3600; // outlives the hours the test moves on
    });
    auto c = srv.client();
    auto token = srv.login();
    auto res = submit(c, token, valid_form);
    REQUIRE(res);
    REQUIRE(res->status == 201);
    auto app = parse(res->body).as_object();
    CHECK(app.at("status") == "accepted");
    CHECK(app.at("attachments").as_array().size() == 1);
    std::string id(app.at("id").as_string());

    platform_clock.advance(std::chrono::hours(70));
    auto later = parse(c.Get(("/v1/applications/" + id).c_str(), bearer(token))->body).as_object();
    const auto& timeline = later.at("timeline").as_array();
    REQUIRE(timeline.size() >= 3);
    CHECK(timeline[0].at("status") == "accepted");
    CHECK(timeline[1].at("status") == "under_review");
    auto last = later.at("status");
    CHECK((last == "ready_for_pickup" || last == "rejected"));
    auto list = parse(c.Get("/v1/applications", bearer(token))->body);
    CHECK(list.at("applications").as_array().size() == 1);
}

TEST_CASE("a form missing required fields is a 422 problem naming the fields", "[server]") {
    TestServer srv;
    auto c = srv.client();
    auto token = srv.login();
    auto res = submit(c, token, R"({"applicant_name":"张明","resident_id":"110105194912310021"})");
    REQUIRE(res);
    CHECK(res->status == 422);
    auto p = parse(res->body).as_object();
    std::set<std::string> fields;
    for (const auto& e : p.at("errors").as_array()) {
        fields.insert(std::string(e.at("field").as_string()));
    }
    CHECK(fields.count("phone") == 1);
    CHECK(fields.count("delivery") == 1);
    CHECK(fields.count("resident_id") == 1); // bad checksum
    auto plain = c.Post("/v1/applications", bearer(token), "{}", "application/json");
    REQUIRE(plain);
    CHECK(plain->status == 415);
}

TEST_CASE("a submission retried with its Idempotency-Key is filed once", "[server]") {
    TestServer srv;
    auto c = srv.client();
    auto token = srv.login();
    auto first = submit(c, token, valid_form, "cdapp-retry-1");
    REQUIRE(first);
    REQUIRE(first->status == 201);
    // The answer was lost; the client sends the same submission again (a new multipart
    // boundary, the same content and key).
    auto again = submit(c, token, valid_form, "cdapp-retry-1");
    REQUIRE(again);
    CHECK(again->status == 201);
    CHECK(again->get_header_value("Idempotent-Replayed") == "true");
    CHECK(parse(again->body).at("id") == parse(first->body).at("id"));
    auto list = parse(c.Get("/v1/applications", bearer(token))->body);
    CHECK(list.at("applications").as_array().size() == 1);

    // The same key for another form is refused; a submission without a key is always new.
    std::string other = valid_form;
    other.replace(other.find("pickup"), 6, "post");
    auto reused = submit(c, token, other, "cdapp-retry-1");
    REQUIRE(reused);
    CHECK(reused->status == 422);
    CHECK(parse(reused->body).at("type").as_string().ends_with("/idempotency-key-reused"));
    REQUIRE(submit(c, token, valid_form)->status == 201);
    REQUIRE(submit(c, token, valid_form)->status == 201);
    list = parse(c.Get("/v1/applications", bearer(token))->body);
    CHECK(list.at("applications").as_array().size() == 3);
}
