#include "store/payment_ledger.h"

#include "store_test_support.h"

#include "catch.hpp"

#include <sqlite3.h>

using namespace cd;
using namespace cd::store;
using namespace std::chrono;

namespace {

system_clock::time_point at(int y, unsigned m, unsigned d, int h = 12) {
    return sys_days(year(y) / month(m) / day(d)) + hours(h);
}

NewPayment payment(std::string key, system_clock::time_point when, std::int64_t fen,
                   std::string category = "water", std::string payee = "福州水务") {
    return NewPayment{"bill-" + key, std::move(payee),     std::move(category),
                      "ACC-001",     Money::from_fen(fen), std::move(key),
                      when};
}

} // namespace

TEST_CASE("A payment is recorded pending, resolved once, and never changes after") {
    test::OpenVault v;
    PaymentLedger ledger(v.vault);
    auto id = ledger.record_pending(payment("k1", at(2026, 11, 1), 12345));
    REQUIRE(id.ok());
    auto pending = ledger.unresolved();
    REQUIRE(pending->size() == 1);
    CHECK((*pending)[0].status == PaymentStatus::pending);
    CHECK((*pending)[0].created_utc == "2026-11-01T12:00:00Z");

    // A retry with the same idempotency key is refused: never charged twice.
    CHECK(ledger.record_pending(payment("k1", at(2026, 11, 1), 12345)).error().kind ==
          ErrorKind::conflict);

    REQUIRE(ledger.resolve(*id, PaymentStatus::paid, "R-778", at(2026, 11, 1, 13)).ok());
    auto entry = ledger.find(*id);
    REQUIRE(entry->has_value());
    CHECK((*entry)->status == PaymentStatus::paid);
    CHECK((*entry)->receipt_number == "R-778");
    CHECK((*entry)->resolved_utc == "2026-11-01T13:00:00Z");
    CHECK(ledger.unresolved()->empty());

    CHECK(
        ledger.resolve(*id, PaymentStatus::declined, std::nullopt, at(2026, 11, 2)).error().kind ==
        ErrorKind::conflict);
    // Append-only even against raw SQL: the triggers refuse.
    CHECK_FALSE(v.db().exec("DELETE FROM payments").ok());
    CHECK_FALSE(v.db().exec("UPDATE payments SET amount_fen = 1").ok());
    CHECK((*ledger.find(*id))->amount == Money::from_fen(12345));
}

TEST_CASE("An unknown outcome stays unresolved until the start-up check settles it") {
    test::OpenVault v;
    PaymentLedger ledger(v.vault);
    auto a = *ledger.record_pending(payment("a", at(2026, 10, 1), 100));
    auto b = *ledger.record_pending(payment("b", at(2026, 10, 2), 200));
    REQUIRE(ledger.resolve(a, PaymentStatus::unknown, std::nullopt, at(2026, 10, 1)).ok());
    auto open = *ledger.unresolved();
    REQUIRE(open.size() == 2);
    CHECK(open[0].id == a); // oldest first
    CHECK(open[1].id == b);
    REQUIRE(ledger.resolve(a, PaymentStatus::paid, "R-1", at(2026, 10, 3)).ok());
    CHECK(ledger.unresolved()->size() == 1);
    CHECK_FALSE(ledger.resolve(b, PaymentStatus::pending, std::nullopt, at(2026, 10, 3)).ok());
}

TEST_CASE("Keyset pages walk the whole ledger newest first without gaps or repeats") {
    test::OpenVault v;
    PaymentLedger ledger(v.vault);
    // 23 payments, several sharing a timestamp so the id breaks ties.
    REQUIRE(v.db()
                .transaction([&]() -> Status {
                    for (int i = 0; i < 23; ++i) {
                        auto id = ledger.record_pending(
                            payment("p" + std::to_string(i), at(2026, 1, 1 + i / 3), 100 + i));
                        if (!id) {
                            return id.error();
                        }
                    }
                    return Done{};
                })
                .ok());
    std::vector<std::int64_t> seen;
    std::optional<LedgerCursor> cursor;
    int pages = 0;
    do {
        auto page = ledger.page({}, cursor, 5);
        REQUIRE(page.ok());
        for (const auto& e : page->entries) {
            seen.push_back(e.id);
        }
        cursor = page->next;
        ++pages;
    } while (cursor);
    CHECK(pages == 5);
    REQUIRE(seen.size() == 23);
    for (std::size_t i = 1; i < seen.size(); ++i) {
        CHECK(seen[i] == seen[i - 1] - 1); // inserted in time order, so ids descend
    }
    // An exact multiple of the page size ends without an empty extra page.
    auto first = *ledger.page({}, std::nullopt, 23);
    CHECK(first.entries.size() == 23);
    CHECK_FALSE(first.next.has_value());
}

TEST_CASE("Ledger filters by date range, category, payee text and status") {
    test::OpenVault v;
    PaymentLedger ledger(v.vault);
    auto w1 = *ledger.record_pending(payment("w1", at(2026, 9, 30), 1000, "water"));
    auto p1 = *ledger.record_pending(payment("p1", at(2026, 10, 5), 2000, "power", "国网福州"));
    auto w2 = *ledger.record_pending(payment("w2", at(2026, 10, 20), 3000, "water"));
    auto t1 = *ledger.record_pending(payment("t1", at(2026, 11, 2), 500, "telecom", "100%_net"));
    REQUIRE(ledger.resolve(w1, PaymentStatus::paid, "r", at(2026, 9, 30)).ok());
    REQUIRE(ledger.resolve(p1, PaymentStatus::paid, "r", at(2026, 10, 5)).ok());
    REQUIRE(ledger.resolve(w2, PaymentStatus::declined, std::nullopt, at(2026, 10, 20)).ok());

    auto ids = [&](const LedgerFilter& f) {
        std::vector<std::int64_t> out;
        auto page = ledger.page(f, std::nullopt, 100);
        for (const auto& e : page->entries) {
            out.push_back(e.id);
        }
        return out;
    };
    LedgerFilter october;
    october.from = at(2026, 10, 1, 0);
    october.until = at(2026, 11, 1, 0);
    CHECK(ids(october) == std::vector<std::int64_t>{w2, p1});
    LedgerFilter water;
    water.category = "water";
    CHECK(ids(water) == std::vector<std::int64_t>{w2, w1});
    LedgerFilter payee;
    payee.payee_contains = "国网";
    CHECK(ids(payee) == std::vector<std::int64_t>{p1});
    payee.payee_contains = "%_"; // typed literally, not a pattern
    CHECK(ids(payee) == std::vector<std::int64_t>{t1});
    LedgerFilter declined;
    declined.status = PaymentStatus::declined;
    CHECK(ids(declined) == std::vector<std::int64_t>{w2});
    LedgerFilter both = october;
    both.category = "water";
    CHECK(ids(both) == std::vector<std::int64_t>{w2});
}

TEST_CASE("Totals count paid payments per local month and per category") {
    test::OpenVault v;
    PaymentLedger ledger(v.vault);
    struct Row {
        const char* key;
        system_clock::time_point when;
        std::int64_t fen;
        const char* category;
        PaymentStatus outcome;
    };
    const Row rows[] = {
        {"a", at(2026, 9, 30, 18), 1000, "water", PaymentStatus::paid}, // 02:00 on Oct 1 in UTC+8
        {"b", at(2026, 10, 10), 2000, "power", PaymentStatus::paid},
        {"c", at(2026, 10, 11), 4000, "power", PaymentStatus::declined},
        {"d", at(2026, 11, 3), 350, "water", PaymentStatus::paid},
        {"e", at(2026, 11, 4), 999, "gas", PaymentStatus::pending},
    };
    for (const auto& r : rows) {
        auto id = *ledger.record_pending(payment(r.key, r.when, r.fen, r.category));
        if (r.outcome != PaymentStatus::pending) {
            REQUIRE(ledger.resolve(id, r.outcome, std::nullopt, r.when).ok());
        }
    }
    auto months = *ledger.monthly_totals({}, 480);
    REQUIRE(months.size() == 2);
    CHECK(months[0].key == "2026-10");
    CHECK(months[0].total == Money::from_fen(3000));
    CHECK(months[0].count == 2);
    CHECK(months[1].key == "2026-11");
    CHECK(months[1].total == Money::from_fen(350));
    auto utc_months = *ledger.monthly_totals({}, 0);
    CHECK(utc_months.size() == 3); // in UTC payment a falls in September

    auto categories = *ledger.category_totals({});
    REQUIRE(categories.size() == 2);
    CHECK(categories[0].key == "power");
    CHECK(categories[0].total == Money::from_fen(2000));
    CHECK(categories[1].key == "water");
    CHECK(categories[1].total == Money::from_fen(1350));
    CHECK(categories[1].count == 2);
}
