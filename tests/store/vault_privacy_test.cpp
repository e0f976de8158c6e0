// Nothing personal is readable in the vault's files: the database, its -wal and -shm.
#include "store/payment_ledger.h"
#include "store/preferences.h"
#include "store/profile.h"
#include "store_test_support.h"

#include "catch.hpp"

#include <sqlite3.h>

using namespace cd;
using namespace cd::store;

TEST_CASE("Canary values never appear in the vault, its WAL or its shared-memory file") {
    test::OpenVault v;
    const std::string name = "林小梅CanaryName";
    const std::string id_number = "11010519491231002X";
    const std::string payee = "CanaryPayee福州水务";
    REQUIRE(ProfileRepository(v.vault)
                .save(Profile{name, id_number, "13800138000", "CanaryAddress", "", {}})
                .ok());
    PaymentLedger ledger(v.vault);
    for (int i = 0; i < 50; ++i) {
        REQUIRE(ledger
                    .record_pending(NewPayment{"bill", payee, "water", "ACC", Money::from_fen(100),
                                               "k" + std::to_string(i),
                                               std::chrono::system_clock::now()})
                    .ok());
    }
    REQUIRE(Preferences(v.vault).set("session_token", "CanaryToken").ok());

    const auto wal = v.path.string() + "-wal";
    const auto shm = v.path.string() + "-shm";
    REQUIRE(std::filesystem::file_size(wal) > 0); // the commits sit in the WAL right now
    const std::vector<std::string> canaries = {name,          id_number,    payee, "CanaryAddress",
                                               "CanaryToken", "13800138000"};
    auto check_files = [&] {
        for (const auto& file : {v.path.string(), wal, shm}) {
            for (const auto& canary : canaries) {
                INFO(file << " / canary " << canaries.size());
                CHECK_FALSE(test::file_contains(file, canary));
            }
        }
    };
    check_files();
    v.vault.lock(); // checkpoint into the main file
    check_files();

    sqlite3* plain = nullptr;
    REQUIRE(sqlite3_open_v2(v.path.string().c_str(), &plain, SQLITE_OPEN_READONLY, nullptr) ==
            SQLITE_OK);
    char* error = nullptr;
    const int rc = sqlite3_exec(plain, "SELECT name FROM profile", nullptr, nullptr, &error);
    sqlite3_free(error);
    sqlite3_close(plain);
    CHECK(rc == SQLITE_NOTADB);
}
