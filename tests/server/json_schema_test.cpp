#include "catch.hpp"
#include "json_schema.h"

namespace json = boost::json;
using cd::test::SchemaValidator;

namespace {

const json::value doc = json::parse(R"({
  "components": {"schemas": {
    "Problem": {"type": "object", "required": ["type", "title", "status"],
                "properties": {"type": {"type": "string"}, "title": {"type": "string"},
                               "status": {"type": "integer", "minimum": 100}}},
    "Bill": {"type": "object", "required": ["id", "status", "payment_id", "tags"],
             "properties": {"id": {"type": "string"},
                            "status": {"type": "string", "enum": ["due", "paid"]},
                            "payment_id": {"type": "string", "nullable": true},
                            "tags": {"type": "array", "items": {"type": "string"}, "minItems": 1}}},
    "Strict": {"type": "object", "additionalProperties": false,
               "properties": {"a": {"type": "number"}}},
    "Both": {"allOf": [{"$ref": "#/components/schemas/Problem"},
                       {"type": "object", "required": ["errors"]}]}
  }}})");

json::value schema(const char* name) {
    return json::object{{"$ref", std::string("#/components/schemas/") + name}};
}

} // namespace

TEST_CASE("the validator accepts a conforming instance", "[server]") {
    SchemaValidator v(doc);
    auto ok = json::parse(R"({"id":"B1","status":"due","payment_id":null,"tags":["x"]})");
    CHECK(v.validate(ok, schema("Bill")).empty());
}

TEST_CASE("the validator reports a missing required field", "[server]") {
    SchemaValidator v(doc);
    auto errors = v.validate(json::parse(R"({"type":"t","status":400})"), schema("Problem"));
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].find("missing required field title") != std::string::npos);
}

TEST_CASE("the validator reports a wrong type, a bad enum and a forbidden null", "[server]") {
    SchemaValidator v(doc);
    CHECK(!v.validate(json::parse(R"({"type":"t","title":"x","status":"400"})"), schema("Problem"))
               .empty());
    CHECK(!v.validate(json::parse(R"({"type":"t","title":"x","status":4.5})"), schema("Problem"))
               .empty());
    CHECK(!v.validate(json::parse(R"({"id":"B","status":"late","payment_id":null,"tags":["x"]})"),
                      schema("Bill"))
               .empty());
    CHECK(!v.validate(json::parse(R"({"id":null,"status":"due","payment_id":null,"tags":["x"]})"),
                      schema("Bill"))
               .empty());
    CHECK(!v.validate(json::parse(R"({"id":"B","status":"due","payment_id":null,"tags":[1]})"),
                      schema("Bill"))
               .empty());
    CHECK(!v.validate(json::parse(R"({"id":"B","status":"due","payment_id":null,"tags":[]})"),
                      schema("Bill"))
               .empty());
}

TEST_CASE("the validator follows allOf and additionalProperties false", "[server]") {
    SchemaValidator v(doc);
    CHECK(!v.validate(json::parse(R"({"type":"t","title":"x","status":422})"), schema("Both"))
               .empty());
    CHECK(v.validate(json::parse(R"({"type":"t","title":"x","status":422,"errors":[]})"),
                     schema("Both"))
              .empty());
    CHECK(!v.validate(json::parse(R"({"a":1,"b":2})"), schema("Strict")).empty());
    CHECK_THROWS(v.validate(json::value(1), schema("Nowhere")));
}
