#include "catch.hpp"

#include "core/message.h"

TEST_CASE("placeholders are filled by position", "[core][message]") {
    CHECK(cd::format_message("Connected to {0}", {"demo.city"}) == "Connected to demo.city");
    // A translation may reorder the arguments.
    CHECK(cd::format_message("{1} 的 {0}", {"A", "B"}) == "B 的 A");
    CHECK(cd::format_message("{0}{0}", {"x"}) == "xx");
}

TEST_CASE("a missing argument stays visible instead of vanishing", "[core][message]") {
    CHECK(cd::format_message("Paid {0} to {1}", {"12.00"}) == "Paid 12.00 to {1}");
    CHECK(cd::format_message("{x} and {}", {"a"}) == "{x} and {}");
}

TEST_CASE("doubled braces are literal", "[core][message]") {
    CHECK(cd::format_message("{{0}} is {0}", {"zero"}) == "{0} is zero");
}

TEST_CASE("messages compare by id and arguments", "[core][message]") {
    CHECK(cd::msg("a", {"1"}) == cd::msg("a", {"1"}));
    CHECK_FALSE(cd::msg("a", {"1"}) == cd::msg("a", {"2"}));
    CHECK(cd::Message{}.empty());
}
