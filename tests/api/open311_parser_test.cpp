// The Open311 parsers against answers shaped like real cities' servers.
#include "catch.hpp"

#include "api/open311_parser.h"
#include "open311_fixture.h"

using namespace cd;
using namespace cd::api::open311;
using cd::test::open311_fixture;

TEST_CASE("discovery lists the endpoints", "[api][open311]") {
    auto d = parse_discovery(open311_fixture("discovery.json"));
    REQUIRE(d.ok());
    CHECK(d->contact == "Open311 team, 12345@city.example");
    REQUIRE(d->endpoints.size() == 2);
    CHECK(d->endpoints[0].url == "https://311.city.example/open311/v2");
    CHECK(d->endpoints[0].type == "production");
    CHECK(d->endpoints[0].formats == std::vector<std::string>{"text/xml", "application/json"});
    CHECK(d->endpoints[1].changeset.empty());
    auto bad = parse_discovery(R"({"endpoints":[{"url":"x"}]})");
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().detail == "endpoints[0].specification: missing");
}

TEST_CASE("services accept numeric codes and keywords as text or list", "[api][open311]") {
    auto s = parse_services(open311_fixture("services.json"));
    REQUIRE(s.ok());
    REQUIRE(s->size() == 4);
    CHECK((*s)[0].code == "1001");
    CHECK((*s)[0].name == "路灯不亮 Streetlight out");
    CHECK((*s)[0].metadata);
    CHECK((*s)[0].keywords == std::vector<std::string>{"lighting", "street", "dark"});
    CHECK((*s)[1].code == "pothole");
    CHECK_FALSE((*s)[1].metadata); // "false" as text
    CHECK((*s)[1].keywords == std::vector<std::string>{"road", "hole"});
    CHECK((*s)[2].description.empty()); // null
    CHECK((*s)[2].keywords.empty());
    CHECK((*s)[3].type == "blackbox");
}

TEST_CASE("a services answer that is an error object is a protocol error", "[api][open311]") {
    auto s = parse_services(open311_fixture("services_error_object.json"));
    REQUIRE_FALSE(s.ok());
    CHECK(s.error().kind == ErrorKind::protocol);
    CHECK(s.error().detail.find("403: Invalid or missing jurisdiction_id") != std::string::npos);
}

TEST_CASE("a service without a code is refused naming its position", "[api][open311]") {
    auto s = parse_services(R"([{"service_code":"a"},{"service_name":"no code"}])");
    REQUIRE_FALSE(s.ok());
    CHECK(s.error().detail == "[1].service_code: missing");
    auto wrong = parse_services(R"([{"service_code":1.5}])");
    REQUIRE_FALSE(wrong.ok());
    CHECK(wrong.error().detail == "[0].service_code: expected a string or an integer");
}

TEST_CASE("a service definition reads attributes and their values", "[api][open311]") {
    auto d = parse_service_definition(open311_fixture("service_definition_1001.json"));
    REQUIRE(d.ok());
    CHECK(d->service_code == "1001");
    REQUIRE(d->attributes.size() == 4);
    const auto& what = d->attributes[1];
    CHECK(what.code == "22");
    CHECK(what.datatype == "singlevaluelist");
    CHECK(what.required);   // "true" as text
    CHECK(what.order == 0); // "2" as text: ignored, not fatal
    REQUIRE(what.values.size() == 3);
    CHECK(what.values[0].key == "1");
    CHECK(what.values[0].name == "Dark");
    CHECK(what.values[2].name == "3"); // no name: the key stands in
    CHECK_FALSE(d->attributes[2].variable);
    CHECK(d->attributes[3].order == 4);
    auto bad = parse_service_definition(
        R"({"service_code":"x","attributes":[{"code":"a"},{"code":"b","values":[{"name":"n"}]}]})");
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().detail == "attributes[1].values[0].key: missing");
}

TEST_CASE("a created request needs an id or a token", "[api][open311]") {
    auto created = parse_created_request(open311_fixture("post_created.json"));
    REQUIRE(created.ok());
    CHECK(created->service_request_id == "293944");
    CHECK(created->token.empty());
    CHECK(created->service_notice == "The City will inspect within 3 business days.");

    auto token = parse_created_request(open311_fixture("post_token_only.json"));
    REQUIRE(token.ok());
    CHECK(token->token == "12345");
    CHECK(token->service_request_id.empty());

    auto neither = parse_created_request(open311_fixture("post_no_id.json"));
    REQUIRE_FALSE(neither.ok());
    CHECK(neither.error().kind == ErrorKind::protocol);
    CHECK(neither.error().detail.find("neither service_request_id nor token") != std::string::npos);

    CHECK_FALSE(parse_created_request("[]").ok());
    auto error = parse_created_request(open311_fixture("error_list_404.json"));
    REQUIRE_FALSE(error.ok());
    CHECK(error.error().detail.find("404: Service request 999 not found") != std::string::npos);
}

TEST_CASE("a request list keeps good records and reports the ones without an id",
          "[api][open311]") {
    auto list = parse_service_requests(open311_fixture("requests.json"));
    REQUIRE(list.ok());
    REQUIRE(list->requests.size() == 3);
    REQUIRE(list->rejected.size() == 1);
    CHECK(list->rejected[0].detail == "[2].service_request_id: missing");
    const auto& first = list->requests[0];
    CHECK(first.id == "638344");
    CHECK(first.service_code == "1001");
    CHECK(first.status == "closed");
    CHECK(first.address_id == "545483");
    CHECK(first.zipcode == "350001");
    CHECK(first.lat == Approx(26.0745));
    CHECK(first.lon == Approx(119.2965));
    CHECK(first.service_notice.empty()); // null
    const auto& second = list->requests[1];
    CHECK(second.id == "638349");
    CHECK(second.lat == Approx(26.0801)); // text coordinates
    CHECK(list->requests[2].id == "638351");
    CHECK_FALSE(list->requests[2].lat); // "" coordinates
}

TEST_CASE("out-of-range coordinates reject the record", "[api][open311]") {
    auto list = parse_service_requests(R"([{"service_request_id":1,"lat":91,"long":0}])");
    REQUIRE(list.ok());
    CHECK(list->requests.empty());
    REQUIRE(list->rejected.size() == 1);
    CHECK(list->rejected[0].detail == "[0].lat: out of range");
}

TEST_CASE("tokens and updates parse with numeric ids", "[api][open311]") {
    auto tokens = parse_tokens(open311_fixture("tokens_12345.json"));
    REQUIRE(tokens.ok());
    REQUIRE(tokens->size() == 1);
    CHECK((*tokens)[0].token == "12345");
    CHECK((*tokens)[0].service_request_id == "638344");

    auto updates = parse_request_updates(open311_fixture("updates.json"));
    REQUIRE(updates.ok());
    REQUIRE(updates->size() == 3);
    CHECK((*updates)[0].update_id == "9001");
    CHECK((*updates)[0].service_request_id == "638344");
    CHECK((*updates)[1].update_id == "9002");
    CHECK((*updates)[2].status == "closed"); // "CLOSED" as the spec spells it
    auto wrapped = parse_request_updates(
        R"({"service_request_updates":[{"update_id":1,"service_request_id":2}]})");
    REQUIRE(wrapped.ok());
    CHECK(wrapped->size() == 1);
}

TEST_CASE("error bodies are described as code and description", "[api][open311]") {
    CHECK(describe_error_body(open311_fixture("error_list_404.json")) ==
          "404: Service request 999 not found");
    CHECK(describe_error_body(open311_fixture("error_object_400.json")) ==
          "400: service_code is required; 400: lat and long or address_string is required");
    CHECK(describe_error_body(open311_fixture("services_error_object.json")) ==
          "403: Invalid or missing jurisdiction_id");
    CHECK(describe_error_body("<html>").empty());
}

TEST_CASE("hostile shapes are errors and never crashes", "[api][open311]") {
    for (const char* body : {"", "null", "42", "\"x\"", "[null]", "[[]]", "{}", "[{\"lat\":{}}]",
                             "[{\"service_request_id\":[1]}]", "{\"services\":7}"}) {
        INFO(body);
        CHECK_FALSE(parse_services(body).ok());
        CHECK_FALSE(parse_created_request(body).ok());
        auto list = parse_service_requests(body);
        CHECK((!list.ok() || list->requests.empty()));
        CHECK_FALSE(parse_service_definition(body).ok());
    }
}

TEST_CASE("attribute value keys may be numbers or objects", "[api][open311]") {
    const char* body = R"({"service_code": "101", "attributes": [
        {"code": "size", "datatype": "singlevaluelist", "required": true, "values": [
            {"key": {"id": "small", "label": "Small"}, "name": "Small"},
            {"key": 2, "name": "Large"},
            {"key": {"label": "no id"}, "name": "Odd"}]}]})";
    auto d = parse_service_definition(body);
    REQUIRE(d.ok());
    REQUIRE(d->attributes.size() == 1);
    const auto& a = d->attributes[0];
    CHECK(a.required);
    REQUIRE(a.values.size() == 3);
    CHECK(a.values[0].key == "small");
    CHECK(a.values[1].key == "2");
    CHECK(a.values[2].key == R"({"label":"no id"})");
    CHECK_FALSE(parse_service_definition(
                    R"({"service_code":"1","attributes":[{"code":"x","values":[{"name":"n"}]}]})")
                    .ok());
}

TEST_CASE("statuses in another case read as the spec's words", "[api][open311]") {
    auto list = parse_service_requests(
        R"([{"service_request_id": "1", "status": "Open"}, {"service_request_id": "2",
            "status": "CLOSED"}])");
    REQUIRE(list.ok());
    REQUIRE(list->requests.size() == 2);
    CHECK(list->requests[0].status == "open");
    CHECK(list->requests[1].status == "closed");
    auto updates = parse_request_updates(
        R"([{"update_id": "u", "service_request_id": "1", "status": "Closed"}])");
    REQUIRE(updates.ok());
    CHECK(updates->at(0).status == "closed");
}

TEST_CASE("the city's words come from either error shape, fit to show", "[api][open311]") {
    CHECK(city_words(R"({"message": "service_code 999 is not accepted"})") ==
          "service_code 999 is not accepted");
    CHECK(city_words(R"([{"code": 403, "description": "Not in this district"}])") ==
          "Not in this district");
    CHECK(city_words(R"({"errors": [{"code": 400, "description": "lat is required"}]})") ==
          "lat is required");
    CHECK(describe_error_body(R"({"message": "middleware refused"})") == "?: middleware refused");
    // Control, bidi and markup characters go; lines join; length is bounded.
    CHECK(city_words("{\"message\": \"bad\\n\\u202Ecode <b>x</b>\\u0007\"}") == "bad code bx/b");
    const auto long_words = city_words("{\"message\": \"" + std::string(500, 'a') + "\"}", 20);
    CHECK(long_words == std::string(20, 'a') + "\u2026");
    CHECK(city_words("<html>403</html>").empty());
    CHECK(city_words(R"([{"code": 403}])").empty());
    // An error object instead of a list is an error, not an empty list.
    CHECK_FALSE(parse_service_requests(R"({"message": "Forbidden"})").ok());
}
