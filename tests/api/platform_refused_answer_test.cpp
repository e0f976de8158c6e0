// An answer that breaks the contract is refused with the field that broke it, and the support
// log says which field (a recorded bill list whose second bill has its amount as a string).
#include "catch.hpp"

#include "api/platform_client.h"
#include "fixture_server.h"
#include "http_test_support.h"

#include <chrono>
#include <future>

using namespace cd;
using namespace cd::test;

TEST_CASE("a refused bill list names the field that failed, in the error and in the log",
          "[api][platform]") {
    FixtureServer server;
    const std::string bill = R"({"id":"B1","account_id":"A1","kind":"water",
        "provider":{"zh":"水务","en":"Water"},"account_number":"001","period":"2026-10",
        "amount_fen":4520,"due_date":"2026-11-30","status":"due","payment_id":null})";
    std::string broken = bill;
    broken.replace(broken.find("4520"), 4, "\"45.20\"");
    server.route("/v1/bills",
                 Reply{200, R"({"bills":[)" + bill + "," + broken + R"(],"total_due_fen":9040})",
                       "application/json"});

    auto http = std::make_shared<net::CurlHttpClient>(fast_config());
    api::PlatformClient client(http, api::PlatformConfig{server.url(""), {}});
    const auto now = std::chrono::system_clock::now();
    client.restore({"access-not-logged", "refresh-not-logged", now + std::chrono::hours(1),
                    now + std::chrono::hours(24), "P0001"});

    CapturedLog log(diag::Level::info);
    auto promise = std::make_shared<std::promise<Result<api::BillList>>>();
    auto future = promise->get_future();
    client.bills("due", [promise](Result<api::BillList> r) { promise->set_value(std::move(r)); });
    REQUIRE(future.wait_for(std::chrono::seconds(30)) == std::future_status::ready);
    auto bills = future.get();

    REQUIRE_FALSE(bills.ok());
    CHECK(bills.error().kind == ErrorKind::protocol);
    CHECK(bills.error().detail.find("bills[1].amount_fen") != std::string::npos);
    const std::string lines = log.sink->all();
    INFO(lines);
    CHECK(lines.find("/v1/bills") != std::string::npos);
    CHECK(lines.find("bills[1].amount_fen") != std::string::npos);
}
