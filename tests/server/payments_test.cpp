#include "catch.hpp"
#include "server_fixture.h"

using namespace cd::test;

namespace {

struct Paying {
    TestServer& srv;
    std::string token;
    httplib::Client c;

    explicit Paying(TestServer& s) : srv(s), token(s.login()), c(s.client()) {}

    json::object first_due_bill() {
        auto res = c.Get("/v1/bills?status=due", bearer(token));
        REQUIRE(res);
        REQUIRE(res->status == 200);
        auto bills = parse(res->body);
        for (const auto& b : bills.at("bills").as_array()) {
            if (b.at("amount_fen").as_int64() < 100000) {
                return b.as_object();
            }
        }
        FAIL("no small due bill");
        return {};
    }
    std::int64_t balance() {
        return parse(c.Get("/v1/me", bearer(token))->body).at("wallet_balance_fen").as_int64();
    }
    std::shared_ptr<httplib::Response> pay(const std::string& key, const json::object& body) {
        auto h = bearer(token);
        h.emplace("Idempotency-Key", key);
        auto res = c.Post("/v1/payments", h, json::serialize(body), "application/json");
        REQUIRE(res);
        return std::make_shared<httplib::Response>(*res);
    }
};

} // namespace

TEST_CASE("the same Idempotency-Key and body replays the first result and charges once",
          "[server]") {
    TestServer srv;
    Paying p(srv);
    auto bill = p.first_due_bill();
    auto before = p.balance();
    json::object body{{"bill_id", bill.at("id")}, {"amount_fen", bill.at("amount_fen")}};
    auto first = p.pay("key-1", body);
    REQUIRE(first->status == 201);
    auto second = p.pay("key-1", body);
    CHECK(second->status == 201);
    CHECK(second->body == first->body);
    CHECK(second->get_header_value("Idempotent-Replayed") == "true");
    CHECK(p.balance() == before - bill.at("amount_fen").as_int64());

    json::object other{{"bill_id", bill.at("id")},
                       {"amount_fen", bill.at("amount_fen").as_int64() + 1}};
    auto reused = p.pay("key-1", other);
    CHECK(reused->status == 422);
    CHECK(problem_slug(reused->body) == "idempotency-key-reused");

    auto receipt = p.c.Get(
        ("/v1/payments/" + std::string(parse(first->body).at("id").as_string()) + "/receipt")
            .c_str(),
        bearer(p.token));
    REQUIRE(receipt);
    CHECK(receipt->status == 200);
    CHECK(parse(receipt->body).at("total_fen") == bill.at("amount_fen"));
}

TEST_CASE("paying a paid bill is a 409 and a bill over the balance is insufficient-funds",
          "[server]") {
    TestServer srv;
    Paying p(srv);
    auto bill = p.first_due_bill();
    json::object body{{"bill_id", bill.at("id")}, {"amount_fen", bill.at("amount_fen")}};
    REQUIRE(p.pay("a", body)->status == 201);
    auto twice = p.pay("b", body);
    CHECK(twice->status == 409);
    CHECK(problem_slug(twice->body) == "bill-already-paid");

    auto big = p.c.Get("/v1/bills/B-P0001-property-fund", bearer(p.token));
    REQUIRE(big);
    auto fund = parse(big->body).as_object();
    auto before = p.balance();
    auto poor = p.pay("c", {{"bill_id", fund.at("id")}, {"amount_fen", fund.at("amount_fen")}});
    CHECK(poor->status == 402);
    CHECK(problem_slug(poor->body) == "insufficient-funds");
    CHECK(p.balance() == before);

    auto no_key =
        p.c.Post("/v1/payments", bearer(p.token), json::serialize(body), "application/json");
    REQUIRE(no_key);
    CHECK(no_key->status == 400);
}

TEST_CASE("a payment survives a restart of the server on the same database", "[server]") {
    TempDir dir("citizendesk-server");
    auto db = (dir.path() / "platform.db").string();
    std::string payment_id, bill_id;
    {
        TestServer srv({}, db);
        Paying p(srv);
        auto bill = p.first_due_bill();
        bill_id = std::string(bill.at("id").as_string());
        auto res =
            p.pay("persist", {{"bill_id", bill.at("id")}, {"amount_fen", bill.at("amount_fen")}});
        REQUIRE(res->status == 201);
        payment_id = std::string(parse(res->body).at("id").as_string());
    }
    TestServer again({}, db);
    Paying p(again);
    auto res = p.c.Get(("/v1/payments/" + payment_id).c_str(), bearer(p.token));
    REQUIRE(res);
    CHECK(res->status == 200);
    auto bill = p.c.Get(("/v1/bills/" + bill_id).c_str(), bearer(p.token));
    REQUIRE(bill);
    CHECK(parse(bill->body).at("status") == "paid");
}
