#include "catch.hpp"

#include "api/form_encoding.h"

using namespace cd::api;

TEST_CASE("form encoding escapes reserved characters and UTF-8", "[api][form]") {
    CHECK(form_encode({{"a", "1"}, {"b", "x y"}}) == "a=1&b=x+y");
    CHECK(form_encode({{"attribute[22]", "a&b=c"}}) == "attribute%5B22%5D=a%26b%3Dc");
    CHECK(form_encode({{"d", "\xE8\xB7\xAF\xE7\x81\xAF"}}) == "d=%E8%B7%AF%E7%81%AF"); // 路灯
    CHECK(form_encode({}).empty());
    CHECK(percent_encode("a b/c?d") == "a%20b%2Fc%3Fd");
    CHECK(percent_encode("Az09-._~") == "Az09-._~");
}
