// No double charge: 200+ randomized fault runs (fixed seed) of the payment flow against the real
// reference server. Faults hit POST /v1/payments before the server commits (500/503 answers,
// dropped connections) and after it (truncated or malformed 201 bodies; latency past the
// client's timeout, so the server commits after the client gave up). The client retries with
// the caller's Idempotency-Key, and when pay() ends with an unknown outcome the caller resolves
// it by calling pay() again with the same key and order. Every run must end with the bill paid
// exactly once, the wallet charged exactly once, and the client holding the true payment.
#include "catch.hpp"
#include "platform_fixture.h"

#include <iostream>
#include <random>

using namespace cd;
using namespace cd::test;
namespace json = boost::json;

namespace {

constexpr int wanted_runs = 210;
constexpr auto payer_timeout = std::chrono::milliseconds(100);
constexpr int slow_ms = 180; // past payer_timeout

enum class Fault { none, error_500, error_503, drop, truncate, malformed, slow };
constexpr int fault_kinds = 7;

json::object fault_rule(Fault fault, int times) {
    json::object r{{"path_prefix", "/v1/payments"}, {"method", "POST"}, {"times", times}};
    switch (fault) {
    case Fault::error_500:
        r["fault"] = "error";
        r["status"] = 500;
        break;
    case Fault::error_503:
        r["fault"] = "error";
        r["status"] = 503;
        break;
    case Fault::drop:
        r["fault"] = "drop";
        break;
    case Fault::truncate:
        r["fault"] = "truncate";
        break;
    case Fault::malformed:
        r["fault"] = "malformed";
        break;
    case Fault::slow:
        r["fault"] = "latency";
        r["latency_ms"] = slow_ms;
        break;
    case Fault::none:
        break;
    }
    return r;
}

struct Tally {
    int runs = 0;
    int after_commit_runs = 0; // truncate, malformed, slow
    int unknown_outcomes = 0;  // pay() calls that ended with payment_outcome_unknown
    int replayed = 0;          // runs whose final answer was the server's idempotent replay
    int servers = 0;
};

} // namespace

TEST_CASE("platform payments: randomized faults never charge a bill twice",
          "[api][platform][payments][slow]") {
    std::mt19937 rng(20261128);
    Tally tally;

    while (tally.runs < wanted_runs) {
        PlatformFixture f;
        ++tally.servers;
        auto& c = *f.client;
        const auto tokens = sign_in(c);

        // The payer: its own HttpClient with a timeout short enough for the latency faults.
        auto payer_config = quick_http_config();
        payer_config.timeouts.total = payer_timeout;
        auto payer_http = std::make_shared<net::CurlHttpClient>(payer_config);
        api::PlatformClient payer(payer_http, {f.base_url(), {}});
        payer.restore(tokens);

        auto due = await<api::BillList>([&](auto d) { c.bills("due", d); });
        REQUIRE(due.ok());
        auto me = await<api::Profile>([&](auto d) { c.me(d); });
        REQUIRE(me.ok());
        std::int64_t balance = me->wallet_balance.fen;
        int paid_here = 0;
        std::vector<std::string> paid_bills;

        for (const auto& bill : due->bills) {
            if (bill.amount.fen > balance || tally.runs >= wanted_runs) {
                continue;
            }
            const auto fault = static_cast<Fault>(rng() % fault_kinds);
            // Slow answers cost real time: at most two of them per run.
            const int times = 1 + static_cast<int>(rng() % (fault == Fault::slow ? 2 : 4));
            const std::string key = "ndc-" + std::to_string(tally.runs);
            INFO("run " << tally.runs << " fault " << static_cast<int>(fault) << " x" << times
                        << " bill " << bill.id);
            f.clear_faults();
            if (fault != Fault::none) {
                f.faults({fault_rule(fault, times)}, static_cast<int>(rng() % 1000));
            }
            if (fault == Fault::truncate || fault == Fault::malformed || fault == Fault::slow) {
                ++tally.after_commit_runs;
            }

            const api::PaymentOrder order{bill.id, bill.amount, key};
            std::optional<api::Payment> outcome;
            for (int attempt = 0; attempt < 12 && !outcome; ++attempt) {
                auto r = await<api::Payment>([&](auto d) { payer.pay(order, d); });
                if (r.ok()) {
                    outcome = *r;
                    break;
                }
                INFO(r.error().log_line());
                REQUIRE(api::payment_outcome_unknown(r.error()));
                ++tally.unknown_outcomes;
            }
            REQUIRE(outcome);
            CHECK(outcome->bill_id == bill.id);
            CHECK(outcome->amount == bill.amount);
            tally.replayed += outcome->replayed ? 1 : 0;

            // The truth, from the server: the bill is paid by exactly this payment, once.
            f.clear_faults();
            auto now = await<api::Bill>([&](auto d) { c.bill(bill.id, d); });
            REQUIRE(now.ok());
            CHECK(now->status == "paid");
            CHECK(now->payment_id == outcome->id);
            balance -= bill.amount.fen;
            paid_bills.push_back(bill.id);
            ++tally.runs;
            ++paid_here;
        }
        REQUIRE(paid_here > 0); // the seed must hold due bills, or this loop never ends

        // Per server: one payment per bill in the listing, and the wallet charged once each.
        auto all = await<std::vector<api::Payment>>([&](auto d) { c.payments(d); });
        REQUIRE(all.ok());
        for (const auto& id : paid_bills) {
            INFO(id);
            CHECK(std::count_if(all->begin(), all->end(),
                                [&](const auto& p) { return p.bill_id == id; }) == 1);
        }
        auto wallet = await<api::Profile>([&](auto d) { c.me(d); });
        REQUIRE(wallet.ok());
        CHECK(wallet->wallet_balance.fen == balance);
    }

    CHECK(tally.runs >= 200);
    CHECK(tally.after_commit_runs > 20);
    CHECK(tally.unknown_outcomes > 0); // outcomes had to be resolved by the caller
    CHECK(tally.replayed > 0);         // the server had committed before the client knew
    std::cout << "no-double-charge: " << tally.runs << " runs on " << tally.servers << " servers, "
              << tally.after_commit_runs << " with after-commit faults, " << tally.unknown_outcomes
              << " unknown outcomes resolved, " << tally.replayed
              << " replayed answers, 0 double charges\n";
}
