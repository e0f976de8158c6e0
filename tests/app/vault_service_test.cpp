// VaultService over a real vault file: closing the app while an unlock waits out the pause
// after wrong passphrases returns at once instead of hanging behind the wait.
#include "app/vault_service.h"
#include "catch.hpp"
#include "queue_dispatcher.h"
#include "temp_dir.h"

#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>

using namespace cd;

namespace {

const char* const passphrase = "Lantern-river 2026";

// The real waiter, watched: the test learns when a wait has begun and how it ended.
struct WatchedWaiter final : store::PacingWaiter {
    store::InterruptibleWaiter real;
    std::mutex mutex;
    std::condition_variable changed;
    int waits_begun = 0; // waits with a delay
    std::optional<bool> last_outcome;

    bool wait(std::chrono::milliseconds delay) override {
        if (delay.count() > 0) {
            std::lock_guard lock(mutex);
            ++waits_begun;
        }
        changed.notify_all();
        const bool outcome = real.wait(delay);
        {
            std::lock_guard lock(mutex);
            last_outcome = outcome;
        }
        changed.notify_all();
        return outcome;
    }
    void interrupt() override { real.interrupt(); }

    void wait_until_waiting() {
        std::unique_lock lock(mutex);
        changed.wait(lock, [this] { return waits_begun > 0; });
    }
};

} // namespace

TEST_CASE("Closing the vault service during the pause after wrong passphrases returns at once",
          "[app][vault]") {
    test::TempDir dir("citizendesk-vault-service");
    test::QueueDispatcher ui;
    auto waiter = std::make_shared<WatchedWaiter>();
    auto options = store::VaultOptions::insecure_fast_kdf_for_tests();
    options.waiter = waiter;
    auto service = std::make_unique<app::VaultService>(ui, dir.path() / "vault.db", options);

    std::optional<Status> created;
    service->create(store::SecretBytes(passphrase), [&](Status s) { created = std::move(s); });
    REQUIRE(ui.run_until([&] { return created.has_value(); }));
    REQUIRE(created->ok());
    bool locked = false;
    service->lock([&] { locked = true; });
    REQUIRE(ui.run_until([&] { return locked; }));

    // Three wrong passphrases: the fourth attempt has to wait 2 s first.
    int refused = 0;
    for (int i = 0; i < 3; ++i) {
        service->unlock(store::SecretBytes("wrong guess number 9"),
                        [&](Status s) { refused += s.ok() ? 0 : 1; });
    }
    REQUIRE(ui.run_until([&] { return refused == 3; }));
    service->unlock(store::SecretBytes(passphrase), [](Status) {});
    waiter->wait_until_waiting();

    service.reset(); // the app closes while the store thread waits

    std::lock_guard lock(waiter->mutex);
    REQUIRE(waiter->last_outcome.has_value());
    CHECK_FALSE(*waiter->last_outcome); // interrupted, not waited out
}

TEST_CASE("An answer the vault service posted before it closed is dropped, not delivered to "
          "whatever used it",
          "[app][vault]") {
    // The app closes with a vault job's answer still queued for the UI thread; the code waiting
    // for it captured references to parts of the app that are gone by the time the queue runs.
    test::TempDir dir("citizendesk-vault-service");
    test::QueueDispatcher ui;
    auto service = std::make_unique<app::VaultService>(
        ui, dir.path() / "vault.db", store::VaultOptions::insecure_fast_kdf_for_tests());
    std::optional<Status> created;
    service->create(store::SecretBytes(passphrase), [&](Status s) { created = std::move(s); });
    REQUIRE(ui.run_until([&] { return created.has_value(); }));
    REQUIRE(created->ok());

    int answered = 0;
    service->run<int>([](store::Vault&) -> Result<int> { return 7; },
                      [&](Result<int>) { ++answered; });
    bool locked = false;
    service->lock([&] { locked = true; });
    service.reset(); // finishes both jobs: their answers wait in the UI queue

    ui.drain();
    CHECK(answered == 0);
    CHECK_FALSE(locked);
}
