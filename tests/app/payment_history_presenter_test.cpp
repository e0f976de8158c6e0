#include "app/payment_history_presenter.h"

#include "app_test_context.h"
#include "ledger_seed.h"
#include "store/utc_time.h"

#include "catch.hpp"

#include <functional>
#include <vector>

using namespace cd;
using namespace cd::app;
using namespace std::chrono;

namespace {

struct RecordingHistoryView final : PaymentHistoryView {
    std::vector<HistorySummary> summaries;
    std::vector<std::pair<std::int64_t, std::int64_t>> ready;
    void show_summary(const HistorySummary& s) override { summaries.push_back(s); }
    void rows_ready(std::int64_t first, std::int64_t last) override {
        ready.emplace_back(first, last);
    }
    const HistorySummary& last() const { return summaries.back(); }
};

constexpr int seeded = 1234;

test::LedgerSeed seed() {
    return test::LedgerSeed{system_clock::time_point(sys_days(year(2026) / 1 / 1)) + hours(3)};
}

void seed_ledger(test::AppTestContext& t, int count = seeded) {
    t.vault->run_and_wait([&](store::Vault& v) {
        seed().append(v, count);
        return 0;
    });
}

// The citizen's local date of a seeded entry, as the filter compares it.
std::string local_day(system_clock::time_point at, int offset) {
    return local_time_text(store::to_utc_iso8601(at), offset).substr(0, 10);
}

// Seeded indices (newest first) a filter must list, computed without the ledger.
std::vector<int> expected(const HistoryFilter& f, int offset) {
    std::vector<int> out;
    for (int i = seeded - 1; i >= 0; --i) {
        const auto e = seed().entry(i);
        const auto day = local_day(e.at, offset);
        if ((!f.from_date.empty() && day < f.from_date) ||
            (!f.until_date.empty() && day > f.until_date) ||
            (!f.category.empty() && e.category != f.category) ||
            (!f.payee.empty() && e.payee.find(f.payee) == std::string::npos) ||
            (f.status && e.status != *f.status)) {
            continue;
        }
        out.push_back(i);
    }
    return out;
}

bool settled(const RecordingHistoryView& view) {
    return !view.summaries.empty() && !view.last().loading && view.last().totals_ready;
}

// Reads row n, waiting for its block when needed.
const store::PaymentEntry* read_row(test::AppTestContext& t, PaymentHistoryPresenter& p,
                                    std::int64_t n) {
    const store::PaymentEntry* e = nullptr;
    t.ui.run_until([&] { return (e = p.row(n)) != nullptr; });
    return e;
}

} // namespace

TEST_CASE("history rows reach any row N of the ledger, each equal to the N-th entry",
          "[ui-logic][app]") {
    test::AppTestContext t;
    seed_ledger(t);
    RecordingHistoryView view;
    PaymentHistoryPresenter p(*t.context, view, {100, 4});
    p.refresh();
    REQUIRE(t.ui.run_until([&] { return settled(view); }));
    REQUIRE(view.last().count == seeded);
    REQUIRE(view.ready.at(0) == std::make_pair<std::int64_t, std::int64_t>(0, 99));
    // Jump far first (a block other than the first), then walk everything.
    CHECK(p.row(1200) == nullptr); // requested, not there yet
    const auto* far = read_row(t, p, 1200);
    REQUIRE(far != nullptr);
    CHECK(far->bill_id == seed().entry(seeded - 1 - 1200).bill_id);
    for (std::int64_t n = 0; n < seeded; ++n) {
        const auto* e = read_row(t, p, n);
        REQUIRE(e != nullptr);
        REQUIRE(e->bill_id == seed().entry(seeded - 1 - static_cast<int>(n)).bill_id);
    }
    CHECK(p.row(seeded) == nullptr);
    const auto row = history_row(*p.row(seeded - 1), p.utc_offset_minutes());
    CHECK(row.payee == "福州水务集团");
    CHECK(row.category.id == "Water");
    CHECK(row.amount == "10.00");
    CHECK(row.status.id == "Paid");
}

TEST_CASE("history filters list what they match and total it", "[ui-logic][app]") {
    test::AppTestContext t;
    seed_ledger(t);
    RecordingHistoryView view;
    PaymentHistoryPresenter p(*t.context, view, {50, 8});
    const int offset = p.utc_offset_minutes();

    HistoryFilter water_march;
    water_march.category = "water";
    water_march.from_date = "2026-03-01";
    water_march.until_date = "2026-03-31";
    HistoryFilter chinese_payee;
    chinese_payee.payee = "水务";
    HistoryFilter declined;
    declined.status = store::PaymentStatus::declined;
    HistoryFilter comma_pending;
    comma_pending.payee = "Comma, ";
    comma_pending.status = store::PaymentStatus::pending;
    HistoryFilter nothing;
    nothing.payee = "no such payee";

    for (const auto& f :
         {HistoryFilter{}, water_march, chinese_payee, declined, comma_pending, nothing}) {
        view.summaries.clear();
        p.set_filter(f);
        REQUIRE(t.ui.run_until([&] { return settled(view); }));
        const auto want = expected(f, offset);
        REQUIRE(view.last().count == static_cast<std::int64_t>(want.size()));
        store::LedgerSummary totals;
        for (int i : want) {
            const auto e = seed().entry(i);
            ++totals.count;
            if (e.status == store::PaymentStatus::paid) {
                ++totals.paid_count;
                totals.paid = totals.paid + e.amount;
            } else if (e.status == store::PaymentStatus::pending) {
                ++totals.unsettled_count;
                totals.unsettled = totals.unsettled + e.amount;
            } else {
                ++totals.declined_count;
            }
        }
        CHECK(view.last().totals.count == totals.count);
        CHECK(view.last().totals.paid == totals.paid);
        CHECK(view.last().totals.paid_count == totals.paid_count);
        CHECK(view.last().totals.unsettled == totals.unsettled);
        CHECK(view.last().totals.declined_count == totals.declined_count);
        for (std::size_t n = 0; n < want.size(); n += 7) {
            const auto* e = read_row(t, p, static_cast<std::int64_t>(n));
            REQUIRE(e != nullptr);
            CHECK(e->bill_id == seed().entry(want[n]).bill_id);
        }
    }
    CHECK_FALSE(expected(water_march, offset).empty());
    CHECK_FALSE(expected(comma_pending, offset).empty());
}

TEST_CASE("a filter change drops the answers meant for the filter before it", "[ui-logic][app]") {
    test::AppTestContext t;
    seed_ledger(t);
    RecordingHistoryView view;
    PaymentHistoryPresenter p(*t.context, view);
    HistoryFilter gas;
    gas.category = "gas";
    HistoryFilter power;
    power.category = "power";
    p.set_filter(gas);
    p.set_filter(power); // before any answer for gas was delivered
    REQUIRE(t.ui.run_until([&] { return settled(view); }));
    t.ui.drain();
    const auto power_count = static_cast<std::int64_t>(expected(power, 0).size());
    const auto gas_count = static_cast<std::int64_t>(expected(gas, 0).size());
    REQUIRE(power_count != gas_count);
    for (const auto& s : view.summaries) {
        if (!s.loading) {
            CHECK(s.count == power_count);
        }
    }
    const auto* e = read_row(t, p, 0);
    REQUIRE(e != nullptr);
    CHECK(e->category == "power");
}

TEST_CASE("a malformed or inverted date range is refused with the reason", "[ui-logic][app]") {
    test::AppTestContext t;
    RecordingHistoryView view;
    PaymentHistoryPresenter p(*t.context, view);
    HistoryFilter bad;
    bad.from_date = "2026-13-01";
    p.set_filter(bad);
    REQUIRE_FALSE(view.summaries.empty());
    CHECK(view.last().problem.id == "\"{0}\" is not a date. Use the form 2026-11-28.");
    CHECK(view.last().count == 0);
    HistoryFilter inverted;
    inverted.from_date = "2026-05-02";
    inverted.until_date = "2026-05-01";
    p.set_filter(inverted);
    CHECK(view.last().problem.id == "The end date is before the start date.");
    HistoryFilter one_day;
    one_day.from_date = "2026-05-01";
    one_day.until_date = "2026-05-01";
    p.set_filter(one_day);
    CHECK(view.last().problem.empty());
}

TEST_CASE("history lists again when a payment is recorded", "[ui-logic][app]") {
    test::AppTestContext t;
    seed_ledger(t, 10);
    RecordingHistoryView view;
    PaymentHistoryPresenter p(*t.context, view);
    p.refresh();
    REQUIRE(t.ui.run_until([&] { return settled(view); }));
    CHECK(view.last().count == 10);
    t.vault->run_and_wait([](store::Vault& v) {
        return store::PaymentLedger(v)
            .record_pending({"new-bill", "新的收款方", "gas", "ACC", Money::from_fen(4200), "k-new",
                             system_clock::now()})
            .ok();
    });
    view.summaries.clear();
    t.events.publish(AppEvent::payment_recorded);
    REQUIRE(t.ui.run_until([&] { return settled(view); }));
    CHECK(view.last().count == 11);
    const auto* newest = read_row(t, p, 0);
    REQUIRE(newest != nullptr);
    CHECK(newest->payee == "新的收款方");
    CHECK(view.last().totals.unsettled_count == 2);
}

TEST_CASE("history empties when the vault locks and lists again when it unlocks",
          "[ui-logic][app]") {
    test::AppTestContext t;
    seed_ledger(t, 30);
    RecordingHistoryView view;
    PaymentHistoryPresenter p(*t.context, view);
    p.refresh();
    REQUIRE(t.ui.run_until([&] { return settled(view); }));
    REQUIRE(view.last().count == 30);

    bool locked = false;
    t.vault->lock([&] { locked = true; });
    REQUIRE(t.ui.run_until([&] { return locked; }));
    t.events.publish(AppEvent::vault_locked);
    CHECK(view.last().count == 0);
    CHECK(p.row(0) == nullptr);
    p.refresh(); // while locked: says why instead of listing
    REQUIRE(t.ui.run_until([&] { return !view.last().loading; }));
    CHECK(view.last().count == 0);
    CHECK_FALSE(view.last().problem.empty());

    bool unlocked = false;
    t.vault->unlock(store::SecretBytes("correct horse battery staple 42"),
                    [&](Status s) { unlocked = s.ok(); });
    REQUIRE(t.ui.run_until([&] { return unlocked; }));
    view.summaries.clear();
    t.events.publish(AppEvent::vault_unlocked);
    REQUIRE(t.ui.run_until([&] { return settled(view); }));
    CHECK(view.last().count == 30);
    CHECK(view.last().problem.empty());
}
