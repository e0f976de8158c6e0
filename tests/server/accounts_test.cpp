// Adding and removing accounts: validation, the new account's first bill, removal hiding the
// due bills but not the paid history, and adding a removed number again.
#include "catch.hpp"
#include "server_fixture.h"

#include <algorithm>

using namespace cd::test;

namespace {

int count_with(const json::value& list, const char* array, const char* key,
               const std::string& value) {
    const auto& a = list.at(array).as_array();
    return static_cast<int>(std::count_if(
        a.begin(), a.end(), [&](const json::value& v) { return v.at(key).as_string() == value; }));
}

} // namespace

TEST_CASE("an added account is listed with one due bill, and removing it hides that bill",
          "[server]") {
    TestServer srv;
    auto c = srv.client();
    const auto a = bearer(srv.login());

    auto res = c.Post("/v1/accounts", a, R"({"kind":"gas","number":"GA20990001","label":"Mum"})",
                      "application/json");
    REQUIRE(res);
    REQUIRE(res->status == 201);
    const auto account = parse(res->body);
    const std::string id(account.at("id").as_string());
    CHECK(account.at("kind") == "gas");
    CHECK(account.at("number") == "GA20990001");
    CHECK(account.at("label").at("en") == "Mum");
    CHECK(account.at("provider").at("en") == "Haichuan Gas Group");
    CHECK(res->get_header_value("Location") == "/v1/accounts/" + id);

    auto accounts = parse(c.Get("/v1/accounts", a)->body);
    CHECK(count_with(accounts, "accounts", "id", id) == 1);
    auto due = parse(c.Get("/v1/bills?status=due", a)->body);
    REQUIRE(count_with(due, "bills", "account_id", id) == 1);
    for (const auto& b : due.at("bills").as_array()) {
        if (b.at("account_id").as_string() == id) {
            CHECK(b.at("amount_fen").as_int64() > 0);
            CHECK(b.at("kind") == "gas");
        }
    }

    // The same kind and number again is a conflict.
    res = c.Post("/v1/accounts", a, R"({"kind":"gas","number":"GA20990001"})", "application/json");
    REQUIRE(res);
    CHECK(res->status == 409);

    res = c.Delete(("/v1/accounts/" + id).c_str(), a);
    REQUIRE(res);
    CHECK(res->status == 204);
    accounts = parse(c.Get("/v1/accounts", a)->body);
    CHECK(count_with(accounts, "accounts", "id", id) == 0);
    due = parse(c.Get("/v1/bills?status=due", a)->body);
    CHECK(count_with(due, "bills", "account_id", id) == 0);
    res = c.Delete(("/v1/accounts/" + id).c_str(), a);
    REQUIRE(res);
    CHECK(res->status == 404);

    // Adding the number again brings the same account (and its unpaid bill) back.
    res = c.Post("/v1/accounts", a, R"({"kind":"gas","number":"GA20990001"})", "application/json");
    REQUIRE(res);
    REQUIRE(res->status == 201);
    CHECK(parse(res->body).at("id").as_string() == id);
    due = parse(c.Get("/v1/bills?status=due", a)->body);
    CHECK(count_with(due, "bills", "account_id", id) == 1);
}

TEST_CASE("an account with an unknown kind or a malformed number is refused", "[server]") {
    TestServer srv;
    auto c = srv.client();
    const auto a = bearer(srv.login());
    for (const char* body :
         {R"({"kind":"boat","number":"12345"})", R"({"kind":"water","number":"12"})",
          R"({"kind":"water","number":"33 01 02"})", R"({"kind":"water","number":"abcdef"})",
          R"({"kind":"water"})"}) {
        INFO(body);
        auto res = c.Post("/v1/accounts", a, body, "application/json");
        REQUIRE(res);
        CHECK(res->status == 422);
        CHECK(!parse(res->body).at("errors").as_array().empty());
    }
    // A plate number with its province character is fine.
    auto res = c.Post("/v1/accounts", a, R"({"kind":"traffic_fine","number":"浙B·12345"})",
                      "application/json");
    REQUIRE(res);
    CHECK(res->status == 201);
}

TEST_CASE("removing an account keeps its paid bills and another citizen cannot remove it",
          "[server]") {
    TestServer srv;
    auto c = srv.client();
    const auto a = bearer(srv.login());
    const auto paid_before = parse(c.Get("/v1/bills?status=paid", a)->body);
    const int water_paid = count_with(paid_before, "bills", "account_id", "P0001-water");
    REQUIRE(water_paid > 0);

    const auto other = bearer(srv.login("13900000001"));
    auto res = c.Delete("/v1/accounts/P0001-water", other);
    REQUIRE(res);
    CHECK(res->status == 404);

    res = c.Delete("/v1/accounts/P0001-water", a);
    REQUIRE(res);
    CHECK(res->status == 204);
    const auto paid_after = parse(c.Get("/v1/bills?status=paid", a)->body);
    CHECK(count_with(paid_after, "bills", "account_id", "P0001-water") == water_paid);
}
