#include "store/payment_ledger.h"

#include "store_test_support.h"

#include "catch.hpp"

using namespace cd;
using namespace cd::store;
using namespace std::chrono;

namespace {

constexpr int entry_count = 1037;

// Every three entries share a timestamp, so the id must break ties at block starts.
// Categories cycle water/power/gas; every 4th is paid, every 7th (not paid) declined.
void fill(test::OpenVault& v, PaymentLedger& ledger) {
    const auto t0 = sys_days(year(2026) / 1 / 1) + hours(12);
    const char* categories[] = {"water", "power", "gas"};
    REQUIRE(v.db()
                .transaction([&]() -> Status {
                    for (int i = 0; i < entry_count; ++i) {
                        auto id = ledger.record_pending(
                            NewPayment{"B" + std::to_string(i), "payee " + std::to_string(i % 10),
                                       categories[i % 3], "ACC", Money::from_fen(100 + i),
                                       "k" + std::to_string(i), t0 + hours(i / 3)});
                        if (!id) {
                            return id.error();
                        }
                        if (i % 4 == 0) {
                            if (auto s = ledger.resolve(*id, PaymentStatus::paid, "R", t0); !s) {
                                return s;
                            }
                        } else if (i % 7 == 0) {
                            if (auto s = ledger.resolve(*id, PaymentStatus::declined, {}, t0); !s) {
                                return s;
                            }
                        }
                    }
                    return Done{};
                })
                .ok());
}

std::vector<std::int64_t> walk(PaymentLedger& ledger, const LedgerFilter& f) {
    std::vector<std::int64_t> ids;
    std::optional<LedgerCursor> cursor;
    do {
        auto page = ledger.page(f, cursor, 97);
        REQUIRE(page.ok());
        for (const auto& e : page->entries) {
            ids.push_back(e.id);
        }
        cursor = page->next;
    } while (cursor);
    return ids;
}

} // namespace

TEST_CASE("A ledger index reaches row N with one block and agrees with keyset walking") {
    test::OpenVault v;
    PaymentLedger ledger(v.vault);
    fill(v, ledger);
    LedgerFilter water;
    water.category = "water";
    for (const auto& filter : {LedgerFilter{}, water}) {
        const auto expected = walk(ledger, filter);
        auto index = ledger.index(filter, 50);
        REQUIRE(index.ok());
        CHECK(index->count == static_cast<std::int64_t>(expected.size()));
        CHECK(index->starts.size() == (expected.size() + 49) / 50);
        // Every block, in any order, holds exactly its rows.
        for (std::int64_t b = static_cast<std::int64_t>(index->starts.size()) - 1; b >= 0; --b) {
            auto block = ledger.block(filter, *index, b);
            REQUIRE(block.ok());
            const auto first = static_cast<std::size_t>(b * 50);
            const auto size = std::min<std::size_t>(50, expected.size() - first);
            REQUIRE(block->entries.size() == size);
            for (std::size_t i = 0; i < size; ++i) {
                CHECK(block->entries[i].id == expected[first + i]);
            }
        }
        CHECK_FALSE(ledger.block(filter, *index, index->starts.size()).ok());
    }
}

TEST_CASE("An empty ledger index has one empty block") {
    test::OpenVault v;
    PaymentLedger ledger(v.vault);
    auto index = ledger.index({}, 100);
    REQUIRE(index.ok());
    CHECK(index->count == 0);
    REQUIRE(index->starts.size() == 1);
    auto block = ledger.block({}, *index, 0);
    REQUIRE(block.ok());
    CHECK(block->entries.empty());
}

TEST_CASE("A ledger summary counts the filter's entries and splits the money by outcome") {
    test::OpenVault v;
    PaymentLedger ledger(v.vault);
    fill(v, ledger);
    LedgerFilter gas;
    gas.category = "gas";
    for (const auto& filter : {LedgerFilter{}, gas}) {
        LedgerSummary expected;
        for (int i = 0; i < entry_count; ++i) {
            if (filter.category && i % 3 != 2) {
                continue;
            }
            ++expected.count;
            if (i % 4 == 0) {
                ++expected.paid_count;
                expected.paid.fen += 100 + i;
            } else if (i % 7 == 0) {
                ++expected.declined_count;
            } else {
                ++expected.unsettled_count;
                expected.unsettled.fen += 100 + i;
            }
        }
        auto s = ledger.summary(filter);
        REQUIRE(s.ok());
        CHECK(s->count == expected.count);
        CHECK(s->paid_count == expected.paid_count);
        CHECK(s->paid == expected.paid);
        CHECK(s->declined_count == expected.declined_count);
        CHECK(s->unsettled_count == expected.unsettled_count);
        CHECK(s->unsettled == expected.unsettled);
    }
}
