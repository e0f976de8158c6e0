#include "catch.hpp"

#include "api/json_reader.h"

#include <boost/json.hpp>

using namespace cd;
using namespace cd::api;

namespace {

boost::json::object object_of(std::string_view text) {
    auto v = parse_json(text);
    REQUIRE(v.ok());
    REQUIRE(v->is_object());
    return v->get_object();
}

} // namespace

TEST_CASE("parse_json turns malformed text into a protocol error", "[api][json]") {
    for (const char* text : {"", "{", "[1,]", "{\"a\":1,}", "nul", "{\"a\" 1}", "[1] [2]",
                             "// comment\n{}", "{'a':1}"}) {
        auto r = parse_json(text);
        INFO(text);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().kind == ErrorKind::protocol);
        CHECK(r.error().detail.rfind("malformed JSON", 0) == 0);
    }
    CHECK(parse_json("{\"a\":[1,2,{\"b\":null}]}").ok());
}

TEST_CASE("parse_json rejects invalid UTF-8 and accepts valid Chinese", "[api][json]") {
    CHECK_FALSE(parse_json("\"\xC3\x28\"").ok());             // broken two-byte sequence
    CHECK_FALSE(parse_json("\"\xED\xA0\x80\"").ok());         // an encoded surrogate
    CHECK_FALSE(parse_json("\"\xF8\x88\x80\x80\x80\"").ok()); // five-byte form
    auto ok = parse_json("\"\xE7\xA6\x8F\xE5\xB7\x9E\"");     // 福州
    REQUIRE(ok.ok());
    CHECK(ok->get_string() == "\xE7\xA6\x8F\xE5\xB7\x9E");
}

TEST_CASE("parse_json bounds depth and size", "[api][json]") {
    const std::string deep(40, '[');
    auto r = parse_json(deep + std::string(40, ']'));
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().kind == ErrorKind::protocol);
    CHECK(parse_json(std::string(20, '[') + std::string(20, ']')).ok());
    JsonLimits small;
    small.max_bytes = 10;
    CHECK_FALSE(parse_json("[1,2,3,4,5,6,7]", small).ok());
}

TEST_CASE("required and optional readers name the field path", "[api][json]") {
    const auto o = object_of(R"({"name":"x","count":3,"flag":true,"none":null,"n":"7"})");
    ObjectReader r(o, "services[3]");
    CHECK(r.string("name") == "x");
    CHECK(r.integer("count", 0, 10) == 3);
    CHECK(r.boolean("flag"));
    CHECK_FALSE(r.optional_string("none"));
    CHECK_FALSE(r.optional_string("absent"));
    CHECK(r.ok());
    CHECK(r.string("missing").empty());
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().kind == ErrorKind::protocol);
    CHECK(r.error().detail == "services[3].missing: missing");
    r.integer("count", 5, 10); // a later problem does not replace the first
    CHECK(r.error().detail == "services[3].missing: missing");
}

TEST_CASE("readers reject wrong types and out-of-range integers", "[api][json]") {
    const auto o = object_of(
        R"({"s":5,"i":"5","big":18446744073709551615,"neg":-4,"f":1.5,"b":"yes","a":{},"o":[]})");
    auto problem = [&](auto read) {
        ObjectReader r(o, "x");
        read(r);
        return r.ok() ? std::string() : r.error().detail;
    };
    CHECK(problem([](ObjectReader& r) { r.string("s"); }) == "x.s: expected a string");
    CHECK(problem([](ObjectReader& r) { r.integer("i"); }) == "x.i: expected an integer");
    CHECK(problem([](ObjectReader& r) { r.integer("big"); }) == "x.big: integer out of range");
    CHECK(problem([](ObjectReader& r) { r.integer("neg", 0); }) == "x.neg: integer out of range");
    CHECK(problem([](ObjectReader& r) { r.integer("f"); }) == "x.f: integer out of range");
    CHECK(problem([](ObjectReader& r) { r.boolean("b"); }) == "x.b: expected true or false");
    CHECK(problem([](ObjectReader& r) { r.array("a"); }) == "x.a: expected an array");
    CHECK(problem([](ObjectReader& r) { r.object("o"); }) == "x.o: expected an object");
    CHECK(problem([](ObjectReader& r) { r.string_or_number("f"); }) ==
          "x.f: expected a string or an integer");
}

TEST_CASE("tolerant readers accept numbers as ids and text as numbers", "[api][json]") {
    const auto o = object_of(
        R"({"id":638344,"code":"A1","lat":"26.07","lon":119.3,"bad":"26,07","t":"true"})");
    ObjectReader r(o, "");
    CHECK(r.string_or_number("id") == "638344");
    CHECK(r.string_or_number("code") == "A1");
    CHECK(r.optional_number("lat", true) == Approx(26.07));
    CHECK(r.optional_number("lon") == Approx(119.3));
    CHECK(r.optional_boolean("t", true) == true);
    CHECK(r.ok());
    CHECK_FALSE(r.optional_number("bad", true));
    CHECK(r.error().detail == "bad: expected a number");
}

TEST_CASE("element and field paths compose", "[api][json]") {
    CHECK(field_path(element_path("services", 3), "service_code") == "services[3].service_code");
    CHECK(field_path("", "a") == "a");
    CHECK(element_path("", 0) == "[0]");
}
