#include "catch.hpp"

#include "api/problem_details.h"

using namespace cd;
using namespace cd::api;

namespace {

net::Response answer(int status, std::string body, std::string type = "application/problem+json") {
    net::Response r;
    r.status = status;
    r.body = std::move(body);
    r.request_id = "00000000cafef00d";
    r.headers.set("Content-Type", std::move(type));
    return r;
}

} // namespace

TEST_CASE("problem details members are read and extensions ignored", "[api][problem]") {
    const auto p = parse_problem_details(
        R"({"type":"https://api.city.example/problems/slot-taken","title":"Slot taken",
            "status":409,"detail":"The 10:00 slot was booked meanwhile.","instance":"/appointments/77",
            "balance":30,"accounts":["/a/1"]})");
    REQUIRE(p);
    CHECK(p->type == "https://api.city.example/problems/slot-taken");
    CHECK(p->title == "Slot taken");
    CHECK(p->status == 409);
    CHECK(p->detail == "The 10:00 slot was booked meanwhile.");
    CHECK(p->instance == "/appointments/77");
}

TEST_CASE("problem members of the wrong type count as absent", "[api][problem]") {
    const auto p =
        parse_problem_details(R"({"type":7,"title":["x"],"status":"409","detail":null})");
    REQUIRE(p);
    CHECK(p->type == "about:blank");
    CHECK(p->title.empty());
    CHECK(p->status == 0);
    CHECK(p->detail.empty());
    CHECK_FALSE(parse_problem_details("[1,2]"));
    CHECK_FALSE(parse_problem_details("<html>"));
    CHECK(parse_problem_details(R"({"status":999})")->status == 0);
}

TEST_CASE("statuses map to kinds and retryability", "[api][problem]") {
    CHECK(kind_for_status(400) == ErrorKind::validation);
    CHECK(kind_for_status(422) == ErrorKind::validation);
    CHECK(kind_for_status(401) == ErrorKind::auth);
    CHECK(kind_for_status(403) == ErrorKind::auth);
    CHECK(kind_for_status(409) == ErrorKind::conflict);
    CHECK(kind_for_status(412) == ErrorKind::conflict);
    CHECK(kind_for_status(404) == ErrorKind::http_status);
    CHECK(kind_for_status(503) == ErrorKind::http_status);
    CHECK(error_for_status(503, "").retryable);
    CHECK(error_for_status(429, "").retryable);
    CHECK(error_for_status(408, "").retryable);
    CHECK_FALSE(error_for_status(500 + 1, "").retryable);
    CHECK_FALSE(error_for_status(422, "").retryable);
    CHECK_FALSE(error_for_status(404, "").user_message.empty());
}

TEST_CASE("an error answer with problem details becomes a typed Error", "[api][problem]") {
    const auto e = error_from_response(answer(
        422, R"({"type":"https://api.city.example/problems/invalid-field","title":"Invalid field",
                 "status":422,"detail":"phone must have 11 digits"})"));
    CHECK(e.kind == ErrorKind::validation);
    CHECK(e.http_status == 422);
    CHECK(e.request_id == "00000000cafef00d");
    CHECK(e.problem_type == "https://api.city.example/problems/invalid-field");
    CHECK(e.detail.find("Invalid field") != std::string::npos);
    CHECK(e.user_message.id == "The city platform did not accept the information: {0}");
    REQUIRE(e.user_message.args.size() == 1);
    CHECK(e.user_message.args[0] == "phone must have 11 digits");
    CHECK_FALSE(e.retryable);
}

TEST_CASE("an error answer without problem details keeps status and request id", "[api][problem]") {
    const auto plain = error_from_response(answer(503, "<html>busy</html>", "text/html"));
    CHECK(plain.kind == ErrorKind::http_status);
    CHECK(plain.http_status == 503);
    CHECK(plain.retryable);
    CHECK(plain.problem_type.empty());
    CHECK(plain.request_id == "00000000cafef00d");
    const auto broken = error_from_response(answer(401, "{not json"));
    CHECK(broken.kind == ErrorKind::auth);
    CHECK(broken.detail.find("unreadable problem details") != std::string::npos);
}

TEST_CASE("a long problem detail is clipped on a character boundary", "[api][problem]") {
    std::string detail;
    for (int i = 0; i < 200; ++i) {
        detail += "\xE6\x97\xA0"; // 无, three bytes each
    }
    const auto e = error_from_response(answer(400, R"({"detail":")" + detail + R"("})"));
    REQUIRE(e.user_message.args.size() == 1);
    const auto& shown = e.user_message.args[0];
    CHECK(shown.size() < detail.size());
    CHECK(shown.substr(shown.size() - 3) == "...");
    CHECK((shown.size() - 3) % 3 == 0);
}

TEST_CASE("a validation problem's field errors reach the Error", "[api][problem]") {
    const auto e = error_from_response(
        answer(422, R"({"type":"https://platform.city.example/problems/validation-failed",
                 "title":"The form has errors","status":422,"detail":"Some fields are missing.",
                 "errors":[{"field":"phone","message":"Not a valid mobile number."},
                           {"field":"resident_id"},{"message":"no field"},7]})"));
    CHECK(e.kind == ErrorKind::validation);
    REQUIRE(e.field_errors.size() == 2);
    CHECK(e.field_errors[0] == FieldError{"phone", "Not a valid mobile number."});
    CHECK(e.field_errors[1] == FieldError{"resident_id", ""});
    CHECK(parse_problem_details(R"({"errors":"phone"})")->errors.empty());
}
