// My Payments' History: the vault's ledger as a virtual list model. Only the rows the list
// asks for are fetched, a block at a time on the store thread, and kept in a small cache; a
// ledger index built once per filter makes row 99,000 as quick to reach as row 0. A filter
// change or a refresh starts a new generation: answers for an older one are dropped and its
// queued jobs skip their work. Refreshes on AppEvent::payment_recorded and vault_unlocked.
#pragma once

#include "app/app_context.h"
#include "app/payment_history_filter.h"
#include "core/message.h"
#include "store/payment_ledger.h"

#include <atomic>
#include <cstdint>
#include <list>
#include <map>
#include <memory>
#include <set>
#include <vector>

namespace cd::app {

struct HistorySummary {
    bool loading = false;      // the listing for the current filter is on its way
    bool totals_ready = false; // `totals` belongs to the current filter
    std::int64_t count = 0;    // rows in the listing
    store::LedgerSummary totals;
    Message problem; // why nothing can be listed (bad filter, locked vault...)
};

// One row as the list shows it; the view translates the messages.
struct HistoryRow {
    std::string time; // local, "2026-11-28 14:03"
    std::string payee;
    Message category;
    std::string amount; // "128.50"
    Message status;
    std::string receipt; // empty when none
};
HistoryRow history_row(const store::PaymentEntry& entry, int utc_offset_minutes);

class PaymentHistoryView {
public:
    virtual ~PaymentHistoryView() = default;
    // The row count, totals or problem changed (the list's size is summary.count).
    virtual void show_summary(const HistorySummary& summary) = 0;
    // Rows [first, last] arrived and can be drawn.
    virtual void rows_ready(std::int64_t first, std::int64_t last) = 0;
};

class PaymentHistoryPresenter {
public:
    struct Options {
        int block_rows = 100; // rows per fetch (and per index entry)
        std::size_t cached_blocks = 40;
    };
    PaymentHistoryPresenter(AppContext& context, PaymentHistoryView& view);
    PaymentHistoryPresenter(AppContext& context, PaymentHistoryView& view, Options options);
    ~PaymentHistoryPresenter();

    // Applies a new filter (a refresh); an invalid one clears the list and says why.
    void set_filter(const HistoryFilter& filter);
    // Lists the ledger again for the current filter.
    void refresh();

    const HistoryFilter& filter() const { return filter_; }
    // The valid ledger filter in force (what export and totals use).
    const store::LedgerFilter& ledger_filter() const { return ledger_filter_; }
    const HistorySummary& summary() const { return summary_; }
    int utc_offset_minutes() const { return utc_offset_; }

    // The entry at row n, or nullptr while its block is loading (it is then requested, and
    // rows_ready() follows).
    const store::PaymentEntry* row(std::int64_t n);

private:
    struct Generation {
        int number = 0;
        std::shared_ptr<std::atomic<bool>> stale = std::make_shared<std::atomic<bool>>(false);
    };
    void start_generation();
    void request_block(std::int64_t block);
    void store_block(std::int64_t block, std::vector<store::PaymentEntry> entries);
    void show_problem(const Error& error);

    AppContext& context_;
    PaymentHistoryView& view_;
    Options options_;
    HistoryFilter filter_;
    store::LedgerFilter ledger_filter_;
    int utc_offset_ = 0;
    HistorySummary summary_;
    Generation generation_;
    std::shared_ptr<const store::LedgerIndex> index_; // absent while loading
    std::map<std::int64_t, std::vector<store::PaymentEntry>> blocks_;
    std::list<std::int64_t> recent_; // block numbers, most recently used first
    std::set<std::int64_t> in_flight_;
    std::vector<Subscription> events_;
    Lifetime lifetime_; // last: destroyed first, so late results are dropped
};

} // namespace cd::app
