#include "store/store_thread.h"

#include "store/payment_ledger.h"
#include "store_test_support.h"

#include "catch.hpp"

#include <optional>
#include <stdexcept>
#include <vector>

using namespace cd;
using namespace cd::store;

TEST_CASE("StoreThread runs jobs in order on its own thread and delivers results") {
    std::vector<std::function<void()>> delivered; // what the UI thread would run later
    std::mutex m;
    StoreThread thread([&](std::function<void()> f) {
        std::lock_guard lock(m);
        delivered.push_back(std::move(f));
    });
    const auto caller = std::this_thread::get_id();
    std::vector<int> order;
    std::thread::id job_thread;
    thread.post(
        [&]() -> Result<int> {
            job_thread = std::this_thread::get_id();
            return 1;
        },
        [&](Result<int> v) { order.push_back(*v); });
    thread.post([]() -> Result<int> { return 2; }, [&](Result<int> v) { order.push_back(*v); });
    thread.submit([] { return 0; }).get(); // both posts have run by now
    CHECK(job_thread != caller);
    CHECK(order.empty()); // nothing delivered until the "UI thread" runs the continuations
    std::lock_guard lock(m);
    REQUIRE(delivered.size() == 2);
    for (auto& f : delivered) {
        f();
    }
    CHECK(order == std::vector<int>{1, 2});
}

TEST_CASE("StoreThread unlocks and queries a vault off the caller's thread") {
    test::OpenVault v;
    v.vault.lock();
    Vault& vault = v.vault;
    StoreThread thread;
    auto unlocked =
        thread.submit([&] { return vault.unlock(v.path, SecretBytes(test::test_passphrase)); });
    REQUIRE(unlocked.get().ok());
    auto count = thread.submit([&] {
        PaymentLedger ledger(vault);
        auto id = ledger.record_pending(NewPayment{"b", "p", "c", "a", Money::from_fen(1), "k",
                                                   std::chrono::system_clock::now()});
        return id.ok() ? ledger.unresolved()->size() : 0;
    });
    CHECK(count.get() == 1);
}

TEST_CASE("StoreThread finishes queued jobs before it stops, and survives a throwing job") {
    int ran = 0;
    {
        StoreThread thread;
        thread.post([]() -> Result<int> { throw std::runtime_error("boom"); },
                    [](const Result<int>&) {});
        for (int i = 0; i < 10; ++i) {
            thread.post([&]() -> Result<int> { return ++ran; }, [](const Result<int>&) {});
        }
    }
    CHECK(ran == 10);
}

TEST_CASE("A store job that throws still answers its caller, with an error") {
    std::optional<Status> answer;
    std::optional<Result<int>> other;
    StoreThread thread; // delivers on the store thread itself, before the next job starts
    thread.post([]() -> Status { throw std::runtime_error("disk gone"); },
                [&](Status s) { answer = std::move(s); });
    thread.post([]() -> Result<int> { throw 42; }, [&](Result<int> r) { other = std::move(r); });
    thread.submit([] { return 0; }).get(); // both posts and their deliveries are done by now

    REQUIRE(answer.has_value());
    REQUIRE_FALSE(answer->ok());
    CHECK(answer->error().kind == ErrorKind::storage);
    CHECK(answer->error().detail.find("disk gone") != std::string::npos);
    REQUIRE(other.has_value());
    CHECK_FALSE(other->ok());
}
