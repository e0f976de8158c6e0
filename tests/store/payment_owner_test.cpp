// Whose payment and whose queued submission: the owner recorded with each (schema 4), what a
// vault from before owners were recorded holds after the upgrade, and the bounds on amounts.
#include "store/outbox.h"
#include "store/payment_ledger.h"
#include "store/schema.h"
#include "store/vault_citizens.h"

#include "store_test_support.h"

#include "catch.hpp"

using namespace cd;
using namespace cd::store;
using namespace std::chrono;

namespace {

const auto t0 = sys_days(year(2026) / 11 / 28) + hours(9);

NewPayment payment(const std::string& key, const std::string& owner, std::int64_t fen = 4250) {
    NewPayment p{"bill-" + key, "福州水务", "water", "ACC-001", Money::from_fen(fen), key, t0};
    p.owner = owner;
    return p;
}

} // namespace

TEST_CASE(
    "Each ledger entry belongs to its citizen, and another's pending entries are not theirs") {
    test::OpenVault v;
    PaymentLedger ledger(v.vault);
    const auto a = *ledger.record_pending(payment("ka", "P0001"));
    const auto b = *ledger.record_pending(payment("kb", "P0002"));
    CHECK((*ledger.find(a))->owner == "P0001");

    auto of_b = *ledger.unresolved_of("P0002", false);
    REQUIRE(of_b.size() == 1);
    CHECK(of_b[0].id == b);
    CHECK(ledger.unresolved_of("P0003", true)->empty());
    CHECK(ledger.unresolved()->size() == 2); // the whole vault still sees both

    // An owner, once recorded, never changes; not even through raw SQL.
    CHECK(ledger.adopt(a, "P0002").error().kind == ErrorKind::conflict);
    CHECK_FALSE(
        v.db().exec("UPDATE payments SET owner = 'P0002' WHERE id = " + std::to_string(a)).ok());
    CHECK((*ledger.find(a))->owner == "P0001");
    REQUIRE(*ledger.latest_for_bill("bill-ka", "P0001"));
    CHECK_FALSE(*ledger.latest_for_bill("bill-ka", "P0002"));
}

TEST_CASE("A vault from before owners were recorded: entries without an owner wait for adoption") {
    test::TempDir dir;
    const auto path = dir.path() / "vault.db";
    {
        VaultOptions old = VaultOptions::insecure_fast_kdf_for_tests();
        old.schema_version_limit = 3;
        Vault v(old);
        REQUIRE(v.create(path, SecretBytes(test::test_passphrase)).ok());
        auto& db = **v.connection();
        // One pending and one settled entry, as a schema-3 build wrote them.
        REQUIRE(db.exec("INSERT INTO payments (bill_id, payee, category, account, amount_fen, "
                        "created_utc, idempotency_key, status) VALUES ('b1', 'p', 'water', 'A', "
                        "4250, '2026-10-01T08:00:00Z', 'idem-1', 'pending'), ('b2', 'p', "
                        "'water', 'A', 100, '2026-10-02T08:00:00Z', 'idem-2', 'paid')")
                    .ok());
        REQUIRE(db.exec("INSERT INTO outbox (kind, payload, created_utc, next_attempt_utc) "
                        "VALUES ('voice.report', 'p', '2026-10-01T08:00:00Z', "
                        "'2026-10-01T08:00:00Z')")
                    .ok());
    }
    Vault v(VaultOptions::insecure_fast_kdf_for_tests());
    REQUIRE(v.unlock(path, SecretBytes(test::test_passphrase)).ok());
    CHECK(*schema_version(**v.connection()) >= 4);
    PaymentLedger ledger(v);
    CHECK(ledger.unresolved_of("P0001", false)->empty());
    auto legacy = *ledger.unresolved_of("P0001", true);
    REQUIRE(legacy.size() == 1);
    CHECK(legacy[0].owner.empty());
    CHECK(legacy[0].status == PaymentStatus::pending);

    // Adopted once by the citizen the platform confirmed; a settled entry is never adopted.
    REQUIRE(ledger.adopt(legacy[0].id, "P0001").ok());
    CHECK((*ledger.find(legacy[0].id))->owner == "P0001");
    CHECK_FALSE(ledger.adopt(legacy[0].id, "P0002").ok());
    auto page = *ledger.page({}, std::nullopt);
    for (const auto& e : page.entries) {
        if (e.bill_id == "b2") {
            CHECK(e.status == PaymentStatus::paid); // the upgrade left settled rows alone
            CHECK_FALSE(ledger.adopt(e.id, "P0001").ok());
        }
    }

    // The queued report without an owner goes only with "no one's" items.
    Outbox outbox(v);
    CHECK(outbox.due_for(t0, "P0001", false)->empty());
    CHECK(outbox.due_for(t0, "P0001", true)->size() == 1);
}

TEST_CASE("The outbox gives each citizen only their own items") {
    test::OpenVault v;
    Outbox outbox(v.vault);
    REQUIRE(outbox.enqueue("application.submit", "a", {}, t0, "P0001").ok());
    REQUIRE(outbox.enqueue("application.submit", "b", {}, t0, "P0002").ok());
    auto of_a = *outbox.due_for(t0, "P0001", true);
    REQUIRE(of_a.size() == 1);
    CHECK(of_a[0].payload == "a");
    CHECK(of_a[0].owner == "P0001");
    CHECK(outbox.due(t0)->size() == 2);

    VaultCitizens seen(v.vault);
    CHECK(*seen.note("P0001", t0) == 1);
    CHECK(*seen.note("P0001", t0) == 1);
    CHECK(*seen.note("P0002", t0) == 2);
}

TEST_CASE("An absurd or negative amount never enters the ledger") {
    test::OpenVault v;
    PaymentLedger ledger(v.vault);
    CHECK(ledger.record_pending(payment("kn", "P0001", -5)).error().kind == ErrorKind::validation);
    CHECK(ledger.record_pending(payment("kx", "P0001", max_amount_fen + 1)).error().kind ==
          ErrorKind::validation);
    CHECK(ledger.record_pending(payment("km", "P0001", max_amount_fen)).ok());
}

TEST_CASE("Ledger totals over absurd old rows fail cleanly instead of wrapping") {
    test::OpenVault v;
    // Two rows as an old build could write them (before amounts were bounded).
    REQUIRE(v.db()
                .exec("INSERT INTO payments (bill_id, payee, category, account, amount_fen, "
                      "created_utc, idempotency_key, status) VALUES ('b1', 'p', 'water', 'A', "
                      "9223372036854775806, '2026-10-01T08:00:00Z', 'k1', 'paid'), ('b2', "
                      "'p', 'water', 'A', 9223372036854775806, '2026-10-02T08:00:00Z', 'k2', "
                      "'paid')")
                .ok());
    PaymentLedger ledger(v.vault);
    auto summary = ledger.summary({});
    REQUIRE_FALSE(summary.ok()); // not "-0.04"
    CHECK_FALSE(ledger.category_totals({}).ok());
    CHECK_FALSE(ledger.monthly_totals({}, 480).ok()); // both fall in October
}
