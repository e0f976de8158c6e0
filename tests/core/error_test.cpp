#include "catch.hpp"

#include "core/error.h"

TEST_CASE("every error kind has words for the citizen", "[core][error]") {
    using K = cd::ErrorKind;
    for (K k : {K::network, K::timeout, K::tls, K::http_status, K::protocol, K::validation, K::auth,
                K::conflict, K::storage, K::crypto, K::cancelled}) {
        INFO(cd::to_string(k));
        CHECK_FALSE(cd::default_user_message(k).empty());
        CHECK(cd::to_string(k) != "unknown");
    }
}

TEST_CASE("an error's own message wins over the kind's default", "[core][error]") {
    cd::Error e = cd::make_error(cd::ErrorKind::conflict, "slot 3 taken");
    CHECK(e.message_for_user() == cd::default_user_message(cd::ErrorKind::conflict));
    e.user_message = cd::msg("That time was just taken.");
    CHECK(e.message_for_user().id == "That time was just taken.");
}

TEST_CASE("only transient kinds are retryable by default", "[core][error]") {
    CHECK(cd::make_error(cd::ErrorKind::network, "").retryable);
    CHECK(cd::make_error(cd::ErrorKind::timeout, "").retryable);
    CHECK_FALSE(cd::make_error(cd::ErrorKind::tls, "").retryable);
    CHECK_FALSE(cd::make_error(cd::ErrorKind::crypto, "").retryable);
}

TEST_CASE("the log line carries what support needs", "[core][error]") {
    cd::Error e = cd::make_error(cd::ErrorKind::http_status, "payment declined");
    e.http_status = 422;
    e.request_id = "req-42";
    e.problem_type = "https://platform.example/problems/insufficient-funds";
    const std::string line = e.log_line();
    CHECK(line.find("kind=http_status") != std::string::npos);
    CHECK(line.find("status=422") != std::string::npos);
    CHECK(line.find("request_id=req-42") != std::string::npos);
    CHECK(line.find("insufficient-funds") != std::string::npos);
    CHECK(line.find("payment declined") != std::string::npos);
}

TEST_CASE("Result holds a value or an error", "[core][error]") {
    cd::Result<int> good = 7;
    REQUIRE(good.ok());
    CHECK(*good == 7);
    cd::Result<int> bad = cd::make_error(cd::ErrorKind::storage, "disk full");
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().kind == cd::ErrorKind::storage);
}
