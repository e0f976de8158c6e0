#include "store/vault.h"

#include "store/schema.h"
#include "store/vault_files.h"
#include "store_test_support.h"

#include "catch.hpp"

#include <sqlite3.h>

#include <cstring>
#include <fstream>

using namespace cd;
using namespace cd::store;
using cd::test::OpenVault;
using cd::test::test_passphrase;

namespace {

VaultOptions fast() {
    return VaultOptions::insecure_fast_kdf_for_tests();
}

Status reopen(const std::filesystem::path& path, const char* passphrase) {
    Vault v(fast());
    return v.unlock(path, SecretBytes(passphrase));
}

void overwrite(const std::filesystem::path& p, std::streamoff at, const std::string& bytes) {
    std::fstream f(p, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(at);
    f.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

} // namespace

TEST_CASE("A vault made with the production settings unlocks and records them") {
    test::TempDir dir;
    const auto path = dir.path() / "sub" / "vault.db";
    {
        Vault v; // 256,000 PBKDF2 rounds
        REQUIRE(v.create(path, SecretBytes(test_passphrase)).ok());
        CHECK(v.is_unlocked());
        auto version = v.cipher_settings_version();
        REQUIRE(version.ok());
        CHECK(*version == current_cipher_settings_version);
        auto iterations =
            (*v.connection())
                ->query_text("SELECT value FROM vault_meta WHERE key = 'kdf_iterations'");
        CHECK(*iterations == "256000");
        v.lock();
        CHECK_FALSE(v.is_unlocked());
        CHECK(v.connection().error().kind == ErrorKind::auth);
    }
    Vault again;
    REQUIRE(again.unlock(path, SecretBytes(test_passphrase)).ok());
    CHECK(*schema_version(**again.connection()) == latest_schema_version());
    // The same file with a lower iteration count is a different key: refused.
    CHECK(reopen(path, test_passphrase).error().kind == ErrorKind::crypto);
    again.lock();

    // The settings are ours, not the library's defaults: keyed with SQLCipher's defaults
    // (3.4: 64,000 rounds, 1 KiB pages; 4.x: SHA512 too) the file does not open; with ours set
    // it does (3.4 ignores the two algorithm PRAGMAs: SHA1 is all it has).
    auto keyed_read = [&](const char* pragmas) {
        sqlite3* db = nullptr;
        sqlite3_open_v2(path.string().c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
        sqlite3_key(db, test_passphrase, static_cast<int>(std::strlen(test_passphrase)));
        sqlite3_exec(db, pragmas, nullptr, nullptr, nullptr);
        const int rc =
            sqlite3_exec(db, "SELECT count(*) FROM sqlite_master", nullptr, nullptr, nullptr);
        sqlite3_close(db);
        return rc;
    };
    CHECK(keyed_read("") == SQLITE_NOTADB);
    CHECK(keyed_read("PRAGMA kdf_iter = 256000; PRAGMA cipher_page_size = 4096; "
                     "PRAGMA cipher_hmac_algorithm = HMAC_SHA1; "
                     "PRAGMA cipher_kdf_algorithm = PBKDF2_HMAC_SHA1;") == SQLITE_OK);
    CHECK(std::filesystem::file_size(path) % 4096 == 0);
}

TEST_CASE("create refuses an existing file and a weak passphrase") {
    OpenVault v;
    Vault other(fast());
    auto exists = other.create(v.path, SecretBytes(test_passphrase));
    CHECK(exists.error().kind == ErrorKind::conflict);
    auto weak = other.create(v.dir.path() / "second.db", SecretBytes("short"));
    CHECK(weak.error().kind == ErrorKind::validation);
    CHECK_FALSE(std::filesystem::exists(v.dir.path() / "second.db"));
}

TEST_CASE("A wrong passphrase is a crypto error that changes nothing") {
    OpenVault v;
    v.vault.lock();
    const std::string before = test::read_bytes(v.path);
    auto wrong = reopen(v.path, "not the passphrase 1");
    REQUIRE_FALSE(wrong.ok());
    CHECK(wrong.error().kind == ErrorKind::crypto);
    CHECK(wrong.error().user_message.id == "The passphrase is not correct.");
    CHECK(test::read_bytes(v.path) == before);
    CHECK(reopen(v.path, test_passphrase).ok());
}

TEST_CASE("Repeated wrong passphrases make the vault wait longer before each attempt") {
    OpenVault v;
    v.vault.lock();
    std::vector<std::chrono::milliseconds> waits;
    auto now = std::chrono::steady_clock::time_point{};
    VaultOptions options = fast();
    options.clock = [&] {
        return now;
    };
    struct FakeWaiter final : PacingWaiter {
        std::vector<std::chrono::milliseconds>& waits;
        std::chrono::steady_clock::time_point& now;
        FakeWaiter(std::vector<std::chrono::milliseconds>& w,
                   std::chrono::steady_clock::time_point& n)
            : waits(w), now(n) {}
        bool wait(std::chrono::milliseconds d) override {
            if (d.count() > 0) {
                waits.push_back(d);
                now += d;
            }
            return true;
        }
        void interrupt() override {}
    };
    options.waiter = std::make_shared<FakeWaiter>(waits, now);
    Vault paced(options);
    for (int i = 0; i < 5; ++i) {
        CHECK(paced.unlock(v.path, SecretBytes("wrong guess number 9")).error().kind ==
              ErrorKind::crypto);
    }
    CHECK(paced.failed_attempts() == 5);
    CHECK(waits == std::vector<std::chrono::milliseconds>{std::chrono::milliseconds(2000),
                                                          std::chrono::milliseconds(4000)});
    REQUIRE(paced.unlock(v.path, SecretBytes(test_passphrase)).ok()); // waited 8 s first
    CHECK(waits.back() == std::chrono::milliseconds(8000));
    CHECK(paced.failed_attempts() == 0);
}

TEST_CASE("A damaged header, a truncated file and a plain SQLite file are storage errors") {
    OpenVault v;
    v.vault.lock();
    const std::string original = test::read_bytes(v.path);
    auto restore_original = [&] {
        std::ofstream(v.path, std::ios::binary) << original;
    };

    SECTION("zeroed header") {
        overwrite(v.path, 0, std::string(64, '\0'));
    }
    SECTION("page 1 damaged after the salt (the passphrase still opens page 2)") {
        overwrite(v.path, 200, std::string(64, 'X'));
    }
    SECTION("truncated to less than a page") {
        std::filesystem::resize_file(v.path, 1000);
    }
    SECTION("truncated inside a page") {
        std::filesystem::resize_file(v.path, original.size() - 100);
    }
    SECTION("empty") {
        std::filesystem::resize_file(v.path, 0);
    }
    SECTION("an unencrypted SQLite database") {
        std::filesystem::remove(v.path);
        sqlite3* plain = nullptr;
        sqlite3_open(v.path.string().c_str(), &plain);
        sqlite3_exec(plain, "CREATE TABLE t(x)", nullptr, nullptr, nullptr);
        sqlite3_close(plain);
    }
    auto result = reopen(v.path, test_passphrase);
    REQUIRE_FALSE(result.ok());
    CHECK(result.error().kind == ErrorKind::storage);
    CHECK(result.error().user_message.id.find("damaged") != std::string::npos);
    restore_original();
}

TEST_CASE("Damage past page 1 is found by the integrity check on unlock") {
    OpenVault v;
    auto& db = v.db();
    REQUIRE(db.exec("CREATE TABLE filler (x TEXT)").ok());
    REQUIRE(db.transaction([&]() -> Status {
                  for (int i = 0; i < 400; ++i) {
                      if (auto s = db.exec("INSERT INTO filler VALUES (hex(randomblob(200)))");
                          !s) {
                          return s;
                      }
                  }
                  return Done{};
              }).ok());
    REQUIRE(db.exec("PRAGMA wal_checkpoint(TRUNCATE)").ok());
    v.vault.lock();
    const auto size = std::filesystem::file_size(v.path);
    REQUIRE(size >= 8 * 4096);
    SECTION("a page overwritten in the middle") {
        overwrite(v.path, 5 * 4096 + 100, std::string(64, 'X'));
    }
    SECTION("truncated at a page boundary") {
        std::filesystem::resize_file(v.path, size - 4 * 4096);
    }
    auto result = reopen(v.path, test_passphrase);
    REQUIRE_FALSE(result.ok());
    INFO(result.error().detail);
    CHECK(result.error().kind == ErrorKind::storage);
    CHECK(result.error().user_message == damaged_vault_error("").user_message);
}

TEST_CASE("move_aside keeps the damaged file and its WAL under a timestamped name") {
    OpenVault v;
    v.vault.lock();
    std::ofstream(v.path.string() + "-wal") << "wal bytes";
    const auto when = std::chrono::sys_days(std::chrono::year(2026) / 11 / 28) +
                      std::chrono::hours(12) + std::chrono::minutes(3);
    auto moved = Vault::move_aside(v.path, when);
    REQUIRE(moved.ok());
    CHECK(moved->filename() == "vault.db.damaged-20261128T120300Z");
    CHECK(std::filesystem::exists(*moved));
    CHECK(test::read_bytes(moved->string() + "-wal") == "wal bytes");
    CHECK_FALSE(std::filesystem::exists(v.path));
    // A second move in the same second gets its own name; nothing is overwritten.
    Vault fresh(fast());
    REQUIRE(fresh.create(v.path, SecretBytes(test_passphrase)).ok());
    fresh.lock();
    auto second = Vault::move_aside(v.path, when);
    REQUIRE(second.ok());
    CHECK(*second != *moved);
    CHECK(std::filesystem::exists(*moved));
}

TEST_CASE("change_passphrase refuses a wrong old passphrase and re-keys the file") {
    OpenVault v;
    REQUIRE(v.db().exec("INSERT INTO settings (key, value) VALUES ('canary', 'kept')").ok());
    auto wrong = v.vault.change_passphrase(SecretBytes("not it at all 7"),
                                           SecretBytes("new passphrase 2026"));
    CHECK(wrong.error().kind == ErrorKind::crypto);
    auto weak = v.vault.change_passphrase(SecretBytes(test_passphrase), SecretBytes("abc"));
    CHECK(weak.error().kind == ErrorKind::validation);
    REQUIRE(
        v.vault.change_passphrase(SecretBytes(test_passphrase), SecretBytes("new passphrase 2026"))
            .ok());
    // Still usable on the same connection, then re-opened with the new passphrase only.
    CHECK(*v.db().query_text("SELECT value FROM settings WHERE key = 'canary'") == "kept");
    v.vault.lock();
    CHECK(reopen(v.path, test_passphrase).error().kind == ErrorKind::crypto);
    Vault again(fast());
    REQUIRE(again.unlock(v.path, SecretBytes("new passphrase 2026")).ok());
    CHECK(*(*again.connection())->query_text("SELECT value FROM settings WHERE key = 'canary'") ==
          "kept");
    CHECK(again.check_integrity()->ok);
}

TEST_CASE("A backup is encrypted with its own passphrase and restores in place") {
    OpenVault v;
    REQUIRE(v.db().exec("INSERT INTO settings (key, value) VALUES ('city', 'Fuzhou-canary')").ok());
    const auto backup = v.dir.path() / "backup.cdvault";
    REQUIRE(v.vault.backup_to(backup, SecretBytes("backup passphrase 99")).ok());
    CHECK_FALSE(test::file_contains(backup, "Fuzhou-canary"));
    CHECK_FALSE(std::filesystem::exists(v.dir.path() / ".backup.cdvault.partial"));

    // Later changes, then restore: the backup's content comes back, the old file is kept aside.
    REQUIRE(v.db().exec("UPDATE settings SET value = 'changed' WHERE key = 'city'").ok());
    CHECK(v.vault.restore_from(backup, SecretBytes("backup passphrase 99"), v.path).error().kind ==
          ErrorKind::conflict); // still unlocked
    v.vault.lock();
    CHECK(v.vault.restore_from(backup, SecretBytes("wrong passphrase 11"), v.path).error().kind ==
          ErrorKind::crypto);
    auto aside = v.vault.restore_from(backup, SecretBytes("backup passphrase 99"), v.path);
    REQUIRE(aside.ok());
    REQUIRE(aside->has_value());
    CHECK(std::filesystem::exists(**aside));

    Vault restored(fast());
    REQUIRE(restored.unlock(v.path, SecretBytes("backup passphrase 99")).ok());
    auto& db = **restored.connection();
    CHECK(*db.query_text("SELECT value FROM settings WHERE key = 'city'") == "Fuzhou-canary");
    CHECK(*schema_version(db) == latest_schema_version());
    CHECK(*restored.cipher_settings_version() == current_cipher_settings_version);
}

TEST_CASE("An unkeyed open cannot read the vault") {
    OpenVault v;
    sqlite3* plain = nullptr;
    REQUIRE(sqlite3_open_v2(v.path.string().c_str(), &plain, SQLITE_OPEN_READONLY, nullptr) ==
            SQLITE_OK);
    const int rc =
        sqlite3_exec(plain, "SELECT count(*) FROM sqlite_master", nullptr, nullptr, nullptr);
    sqlite3_close(plain);
    CHECK(rc == SQLITE_NOTADB);
}

TEST_CASE("A damaged page 1 is told from a wrong passphrase by checking page 2") {
    OpenVault v;
    v.vault.lock();
    overwrite(v.path, 300, std::string(32, '\x55'));
    auto right = reopen(v.path, test_passphrase);
    REQUIRE_FALSE(right.ok());
    CHECK(right.error().kind == ErrorKind::storage);
    CHECK(right.error().detail.find("page 2") != std::string::npos);
    auto wrong = reopen(v.path, "another passphrase 5");
    REQUIRE_FALSE(wrong.ok());
    CHECK(wrong.error().kind == ErrorKind::crypto);
}

TEST_CASE("start_over moves the damaged vault aside and creates a new one in its place") {
    OpenVault v;
    v.vault.lock();
    std::filesystem::resize_file(v.path, 5000); // damaged: not a whole page
    const std::string damaged = test::read_bytes(v.path);
    Vault fresh(fast());
    CHECK(fresh.start_over(v.path, SecretBytes("weak")).error().kind == ErrorKind::validation);
    CHECK(test::read_bytes(v.path) == damaged); // nothing moved for a refused passphrase
    auto aside = fresh.start_over(v.path, SecretBytes("a new passphrase 77"));
    REQUIRE(aside.ok());
    CHECK(test::read_bytes(*aside) == damaged);
    CHECK(fresh.is_unlocked());
    fresh.lock();
    CHECK(reopen(v.path, "a new passphrase 77").ok());
}

namespace {

struct CreateInterrupted {};

bool is_encrypted_vault(const std::filesystem::path& p) {
    const std::string bytes = test::read_bytes(p);
    return bytes.size() >= 4096 && bytes.compare(0, 16, std::string("SQLite format 3\0", 16)) != 0;
}

} // namespace

TEST_CASE("A create stopped halfway leaves no vault under the final name, and the next create "
          "replaces its leftovers") {
    test::TempDir dir("citizendesk-create");
    const auto path = dir.path() / "vault.db";
    {
        VaultOptions stopping = fast();
        stopping.create_interrupted_for_tests = [] {
            throw CreateInterrupted{};
        };
        Vault vault(stopping);
        CHECK_THROWS_AS(vault.create(path, SecretBytes(test_passphrase)), CreateInterrupted);
    }
    // What a crash at that moment leaves: no file where the vault goes, so the next start offers
    // to create a vault rather than calling an empty file damaged.
    CHECK_FALSE(std::filesystem::exists(path));
    CHECK_FALSE(vault_file_present(path));
    CHECK(std::filesystem::exists(vault_being_created(path)));

    Vault vault(fast());
    REQUIRE(vault.create(path, SecretBytes(test_passphrase)).ok());
    CHECK_FALSE(std::filesystem::exists(vault_being_created(path)));
    vault.lock();
    CHECK(is_encrypted_vault(path));
    CHECK(reopen(path, test_passphrase).ok());
#if !defined(_WIN32)
    using std::filesystem::perms;
    CHECK((std::filesystem::status(path).permissions() & (perms::group_all | perms::others_all)) ==
          perms::none);
#endif
}

TEST_CASE("The empty file an interrupted create left is not a vault: create replaces it") {
    test::TempDir dir("citizendesk-create");
    const auto path = dir.path() / "vault.db";
    std::ofstream(path, std::ios::binary).close(); // zero bytes, as an older create left it
    REQUIRE(std::filesystem::exists(path));
    CHECK(left_by_interrupted_create(path));
    CHECK_FALSE(vault_file_present(path));

    Vault vault(fast());
    REQUIRE(vault.create(path, SecretBytes(test_passphrase)).ok());
    vault.lock();
    CHECK(is_encrypted_vault(path));
    CHECK(vault_file_present(path));
    CHECK(reopen(path, test_passphrase).ok());
}

TEST_CASE("create still refuses a vault with pages in it, even an empty file whose -wal holds "
          "them") {
    OpenVault v;
    v.vault.lock();
    CHECK_FALSE(left_by_interrupted_create(v.path));
    Vault other(fast());
    CHECK(other.create(v.path, SecretBytes(test_passphrase)).error().kind == ErrorKind::conflict);

    test::TempDir dir("citizendesk-create");
    const auto path = dir.path() / "vault.db";
    std::ofstream(path, std::ios::binary).close();
    auto wal = path;
    wal += "-wal";
    std::ofstream(wal, std::ios::binary) << std::string(4096, 'w');
    CHECK_FALSE(left_by_interrupted_create(path));
    CHECK(other.create(path, SecretBytes(test_passphrase)).error().kind == ErrorKind::conflict);
}
