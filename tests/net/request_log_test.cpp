#include "catch.hpp"

#include "net/headers.h"
#include "net/request_log.h"

#include <set>

using namespace cd::net;

TEST_CASE("logged URLs lose credentials and fragments and query values", "[net][log]") {
    CHECK(loggable_url("https://city.example/v1/services") == "city.example/v1/services");
    CHECK(loggable_url("https://u:pw@city.example:8443/v1/bills?page=2&token=abc#frag") ==
          "city.example:8443/v1/bills?page=2&token=***");
    CHECK(loggable_url("http://h/requests.json?api_key=K&since=2026-01-01&limit=5&flag") ==
          "h/requests.json?api_key=***&since=2026-01-01&limit=5&flag");
    CHECK(loggable_url("http://h/p?q=%E4%BF%9D") == "h/p?q=***");
    CHECK(loggable_url("h/x@y") == "h/x@y"); // an @ in the path is not an authority
}

TEST_CASE("request ids are 16 lowercase hex characters", "[net][log]") {
    CHECK(format_request_id(0) == "0000000000000000");
    CHECK(format_request_id(0xDEADBEEFull) == "00000000deadbeef");
    CHECK(format_request_id(~0ull) == "ffffffffffffffff");
}

TEST_CASE("header lookup ignores case and set replaces", "[net][headers]") {
    Headers h;
    h.add("Content-Type", "text/plain");
    h.add("Set-Cookie", "a=1");
    h.add("set-cookie", "b=2");
    CHECK(h.get("content-type") == "text/plain");
    CHECK(h.get("CONTENT-TYPE") == "text/plain");
    CHECK_FALSE(h.get("Content-Length"));
    h.set("SET-COOKIE", "c=3");
    CHECK(h.fields().size() == 2);
    CHECK(h.get("Set-Cookie") == "c=3");
}
