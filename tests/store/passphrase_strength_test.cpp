#include "store/passphrase_strength.h"

#include "catch.hpp"

using cd::store::passphrase_strength;
using cd::store::PassphraseLevel;

TEST_CASE("passphrase_strength refuses short, one-kind and well-known passphrases") {
    auto short_one = passphrase_strength("ab1!");
    CHECK_FALSE(short_one.acceptable);
    CHECK(short_one.problems.front().id == "The passphrase needs at least {0} characters.");
    CHECK(short_one.problems.front().args == std::vector<std::string>{"10"});

    auto letters_only = passphrase_strength("abcdefghijkmnop");
    CHECK_FALSE(letters_only.acceptable);
    CHECK(letters_only.level == PassphraseLevel::too_weak);

    CHECK_FALSE(passphrase_strength("1234567890").acceptable);
    CHECK_FALSE(passphrase_strength("Password1").acceptable);
    CHECK_FALSE(passphrase_strength("1qaz2wsx3edc").acceptable);
    CHECK_FALSE(passphrase_strength("").acceptable);
}

TEST_CASE("passphrase_strength counts Chinese characters as one each") {
    // Nine Chinese characters and a digit: 10 code points, two kinds of character.
    auto r = passphrase_strength("我家门前有小河很美1");
    CHECK(r.acceptable);
    // Five Chinese characters (15 bytes) are still too short.
    CHECK_FALSE(passphrase_strength("我家门前有1").acceptable);
}

TEST_CASE("passphrase_strength grades acceptable passphrases") {
    auto fair = passphrase_strength("lantern042");
    CHECK(fair.acceptable);
    CHECK(fair.level == PassphraseLevel::fair);
    auto strong = passphrase_strength("River-stone 42 Lantern, slowly");
    CHECK(strong.acceptable);
    CHECK(strong.level == PassphraseLevel::strong);
    CHECK(strong.hint.id == "Strong passphrase.");
}
