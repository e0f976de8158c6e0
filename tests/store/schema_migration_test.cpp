// Each migration step tested from the version before it: a vault is created with only the
// steps up to N-1, given data, then opened by the current code.
#include "store/schema.h"

#include "store/outbox.h"
#include "store/payment_ledger.h"
#include "store/profile.h"
#include "store_test_support.h"

#include "catch.hpp"

#include <map>
#include <set>

using namespace cd;
using namespace cd::store;

namespace {

// What each step adds that the test can see (keep in step with schema.cpp).
const std::map<int, std::set<std::string>> added_by_step = {
    {1,
     {"vault_meta", "profile", "family_members", "payments", "catalog_cache", "outbox",
      "outbox_attachments", "favourites", "recents", "settings", "payments_no_delete"}},
    {2, {"payments_by_category", "payments_by_status"}},
    {3, {"http_cache"}},
    {4, {"payments_by_owner", "payments_owner_once", "vault_citizens"}},
    {5, {}}, // a column: see outbox_columns()
    {6, {"messages", "messages_by_owner", "messages_unread"}},
};

std::set<std::string> outbox_columns(Connection& db) {
    std::set<std::string> names;
    auto s = db.prepare("PRAGMA table_info(outbox)"); // (SQLite 3.15: no pragma functions)
    while (*s->step()) {
        names.insert(s->column_text(1));
    }
    return names;
}

std::set<std::string> schema_objects(Connection& db) {
    std::set<std::string> names;
    auto s = db.prepare("SELECT name FROM sqlite_master");
    while (*s->step()) {
        names.insert(s->column_text(0));
    }
    return names;
}

// Data written the way a build at schema `version` wrote it (plain SQL on that schema).
void write_old_data(Connection& db) {
    REQUIRE(db.exec("INSERT INTO profile (id, name, resident_id, phone) VALUES "
                    "(1, '林小梅', '11010519491231002X', '13800138000')")
                .ok());
    REQUIRE(db.exec("INSERT INTO payments (bill_id, payee, category, account, amount_fen, "
                    "created_utc, idempotency_key, status) VALUES ('b1', '福州水务', 'water', "
                    "'A1', 4250, '2026-10-01T08:00:00Z', 'idem-1', 'pending')")
                .ok());
    REQUIRE(db.exec("INSERT INTO outbox (kind, payload, created_utc, next_attempt_utc) VALUES "
                    "('voice.report', 'p', '2026-10-01T08:00:00Z', '2026-10-01T08:00:00Z')")
                .ok());
}

} // namespace

TEST_CASE("Every migration step has its expectations listed") {
    int count = 0;
    const MigrationStep* steps = migration_steps(&count);
    REQUIRE(static_cast<int>(added_by_step.size()) == count);
    for (int i = 0; i < count; ++i) {
        // Numbered upwards; parallel changes reserve their numbers, so a gap may show here.
        CHECK(added_by_step.count(steps[i].version) == 1);
        if (i > 0) {
            CHECK(steps[i].version > steps[i - 1].version);
        }
    }
}

TEST_CASE("A vault from every earlier schema version opens with its data and the new schema") {
    int count = 0;
    const MigrationStep* steps = migration_steps(&count);
    for (int i = 0; i + 1 < count; ++i) {
        const int from = steps[i].version;
        DYNAMIC_SECTION("from version " << from) {
            test::TempDir dir;
            const auto path = dir.path() / "vault.db";
            {
                VaultOptions old = VaultOptions::insecure_fast_kdf_for_tests();
                old.schema_version_limit = from;
                Vault v(old);
                REQUIRE(v.create(path, SecretBytes(test::test_passphrase)).ok());
                auto& db = **v.connection();
                REQUIRE(*schema_version(db) == from);
                for (const auto& [step, names] : added_by_step) {
                    for (const auto& name : names) {
                        CHECK(schema_objects(db).count(name) == (step <= from ? 1u : 0u));
                    }
                }
                write_old_data(db);
            }
            Vault current(VaultOptions::insecure_fast_kdf_for_tests());
            REQUIRE(current.unlock(path, SecretBytes(test::test_passphrase)).ok());
            auto& db = **current.connection();
            CHECK(*schema_version(db) == latest_schema_version());
            const auto names = schema_objects(db);
            for (const auto& [step, expected] : added_by_step) {
                for (const auto& name : expected) {
                    CHECK(names.count(name) == 1);
                }
            }
            auto profile = ProfileRepository(current).load();
            REQUIRE(profile->has_value());
            CHECK((*profile)->name == "林小梅");
            PaymentLedger ledger(current);
            auto open = *ledger.unresolved();
            REQUIRE(open.size() == 1);
            CHECK(open[0].amount == Money::from_fen(4250));
            LedgerFilter water;
            water.category = "water";
            CHECK(ledger.page(water, std::nullopt)->entries.size() == 1);
            CHECK(*Outbox(current).count() == 1);
            CHECK(outbox_columns(db).count("refused_reason") == 1);
            CHECK(*Outbox(current).count_refused() == 0);
            CHECK(current.check_integrity()->ok);
        }
    }
}

TEST_CASE("A vault from a newer build is refused, not downgraded") {
    test::OpenVault v;
    REQUIRE(v.db().exec("PRAGMA user_version = 999").ok());
    v.vault.lock();
    Vault older(VaultOptions::insecure_fast_kdf_for_tests());
    auto s = older.unlock(v.path, SecretBytes(test::test_passphrase));
    REQUIRE_FALSE(s.ok());
    CHECK(s.error().kind == ErrorKind::storage);
    CHECK(s.error().user_message.id.find("newer version") != std::string::npos);
}
