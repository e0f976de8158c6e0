#include "catch.hpp"

#include "diag/redact.h"

#include <string>

using cd::diag::redact;

namespace {
bool contains(const std::string& s, std::string_view part) {
    return s.find(part) != std::string::npos;
}
} // namespace

TEST_CASE("resident ID numbers never survive", "[diag][redact]") {
    CHECK(redact("id=11010519491231002X ok") == "id=*** ok");
    CHECK(redact("citizen 440524188001010014 signed in") == "citizen *** signed in");
    CHECK(redact("lower x: 11010519491231002x.") == "lower x: ***.");
    CHECK(redact("grouped 110105 19491231 002X end") == "grouped *** end");
    CHECK(redact("{\"id_number\":\"440524188001010014\"}") == "{\"id_number\":\"***\"}");
}

TEST_CASE("mobile numbers never survive", "[diag][redact]") {
    CHECK(redact("phone 13812345678") == "phone ***");
    CHECK(redact("phone +8613812345678.") == "phone +86***.");
    CHECK(redact("call 138 1234 5678 now") == "call *** now");
    CHECK(redact("call 138-1234-5678") == "call ***");
    CHECK(redact("tel:19912345678,") == "tel:***,");
}

TEST_CASE("numbers that are neither stay readable for support", "[diag][redact]") {
    CHECK(redact("status=503 bytes=10240 took 118 ms") == "status=503 bytes=10240 took 118 ms");
    CHECK(redact("bill 2026112800001 due") == "bill 2026112800001 due"); // 13 digits
    CHECK(redact("12345678901") == "12345678901"); // 11 digits but not a mobile prefix
    CHECK(redact("1234567890123456789") == "1234567890123456789"); // 19 digits
    CHECK(redact("request_id=7f3a-19c2") == "request_id=7f3a-19c2");
}

TEST_CASE("bearer tokens and secret-named fields never survive", "[diag][redact]") {
    CHECK(redact("Authorization: Bearer eyJhbGciOi.J9.abc-_") == "Authorization: ***");
    CHECK(redact("sent bearer abc.def/ghi= to server") == "sent bearer *** to server");
    CHECK(redact("password=hunter2&user=li") == "password=***&user=li");
    CHECK(redact("{\"access_token\": \"tok-123\", \"expires_in\": 3600}") ==
          "{\"access_token\": \"***\", \"expires_in\": 3600}");
    CHECK(redact("refresh_token:r-999 next") == "refresh_token:*** next");
    CHECK(redact("Cookie: sid=abc; theme=dark") == "Cookie: ***");
    CHECK(redact("passphrase = 'correct horse'") == "passphrase = '***'");
    // Names that merely contain a secret word are not secret fields.
    CHECK(redact("tokenizer=unicode61 pinyin=sb") == "tokenizer=unicode61 pinyin=sb");
}

TEST_CASE("a value marked secret is hidden wherever it lands", "[diag][redact]") {
    const std::string line = "unlocking with " + cd::diag::secret("my vault words") + " now";
    CHECK(redact(line) == "unlocking with *** now");
    CHECK_FALSE(contains(redact(line), "vault words"));
    // Unterminated mark: everything after it goes.
    const std::string cut = cd::diag::secret("abc").substr(0, 5) + " tail";
    CHECK(redact("x " + cut) == "x ***");
}

TEST_CASE("several secrets in one line all go", "[diag][redact]") {
    const std::string out =
        redact("user 13812345678 id 11010519491231002X token=abc Bearer xyz passphrase=p1");
    for (std::string_view canary : {"13812345678", "11010519491231002X", "abc", "xyz", "p1"}) {
        INFO(canary);
        CHECK_FALSE(contains(out, canary));
    }
}
