#include "app/payment_history_presenter.h"

#include "app/bills_presenter.h"

#include <algorithm>

namespace cd::app {

HistoryRow history_row(const store::PaymentEntry& entry, int utc_offset_minutes) {
    return HistoryRow{local_time_text(entry.created_utc, utc_offset_minutes),
                      entry.payee,
                      bill_kind_title(entry.category),
                      to_decimal_string(entry.amount),
                      payment_status_title(entry.status),
                      entry.receipt_number.value_or("")};
}

PaymentHistoryPresenter::PaymentHistoryPresenter(AppContext& context, PaymentHistoryView& view)
    : PaymentHistoryPresenter(context, view, Options{}) {}

PaymentHistoryPresenter::PaymentHistoryPresenter(AppContext& context, PaymentHistoryView& view,
                                                 Options options)
    : context_(context), view_(view), options_(options),
      utc_offset_(local_utc_offset_minutes(context.now())) {
    options_.block_rows = std::max(1, options_.block_rows);
    options_.cached_blocks = std::max<std::size_t>(2, options_.cached_blocks);
    events_.emplace_back(context.events, lifetime_.guard([this](AppEvent e) {
        if (e == AppEvent::payment_recorded || e == AppEvent::vault_unlocked) {
            refresh();
        } else if (e == AppEvent::vault_locked) {
            start_generation(); // forget what was shown: it is locked away now
            summary_ = HistorySummary{};
            view_.show_summary(summary_);
        }
    }));
}

PaymentHistoryPresenter::~PaymentHistoryPresenter() {
    generation_.stale->store(true);
}

void PaymentHistoryPresenter::set_filter(const HistoryFilter& filter) {
    filter_ = filter;
    refresh();
}

void PaymentHistoryPresenter::start_generation() {
    generation_.stale->store(true); // queued jobs of the old generation skip their work
    generation_ = Generation{generation_.number + 1};
    index_.reset();
    blocks_.clear();
    recent_.clear();
    in_flight_.clear();
}

void PaymentHistoryPresenter::show_problem(const Error& error) {
    summary_.loading = false;
    summary_.count = 0;
    summary_.totals_ready = false;
    summary_.problem = error.message_for_user();
    view_.show_summary(summary_);
}

void PaymentHistoryPresenter::refresh() {
    start_generation();
    utc_offset_ = local_utc_offset_minutes(context_.now());
    auto ledger_filter = to_ledger_filter(filter_, utc_offset_);
    if (!ledger_filter) {
        show_problem(ledger_filter.error());
        return;
    }
    ledger_filter_ = *ledger_filter;
    summary_.loading = true;
    summary_.totals_ready = false;
    summary_.problem = {};
    view_.show_summary(summary_);

    struct Listing {
        store::LedgerIndex index;
        std::vector<store::PaymentEntry> first;
    };
    const int number = generation_.number;
    auto stale = generation_.stale;
    const int stride = options_.block_rows;
    // The index and the first block in one job: the first page is drawn as soon as it returns.
    context_.vault.run<Listing>(
        [filter = ledger_filter_, stale, stride](store::Vault& v) -> Result<Listing> {
            if (stale->load()) {
                return make_error(ErrorKind::cancelled, "history listing superseded");
            }
            store::PaymentLedger ledger(v);
            auto index = ledger.index(filter, stride);
            if (!index) {
                return index.error();
            }
            auto first = ledger.block(filter, *index, 0);
            if (!first) {
                return first.error();
            }
            return Listing{std::move(*index), std::move(first->entries)};
        },
        lifetime_.guard([this, number](Result<Listing> r) {
            if (number != generation_.number) {
                return;
            }
            if (!r) {
                show_problem(r.error());
                return;
            }
            index_ = std::make_shared<const store::LedgerIndex>(std::move(r->index));
            summary_.loading = false;
            summary_.count = index_->count;
            view_.show_summary(summary_);
            if (!r->first.empty()) {
                store_block(0, std::move(r->first));
            }
        }));
    context_.vault.run<store::LedgerSummary>(
        [filter = ledger_filter_, stale](store::Vault& v) -> Result<store::LedgerSummary> {
            if (stale->load()) {
                return make_error(ErrorKind::cancelled, "history totals superseded");
            }
            return store::PaymentLedger(v).summary(filter);
        },
        lifetime_.guard([this, number](Result<store::LedgerSummary> r) {
            if (number != generation_.number || !r) {
                return; // a failed listing already said why
            }
            summary_.totals = *r;
            summary_.totals_ready = true;
            view_.show_summary(summary_);
        }));
}

const store::PaymentEntry* PaymentHistoryPresenter::row(std::int64_t n) {
    if (!index_ || n < 0 || n >= index_->count) {
        return nullptr;
    }
    const std::int64_t block = n / options_.block_rows;
    auto found = blocks_.find(block);
    if (found == blocks_.end()) {
        request_block(block);
        return nullptr;
    }
    const auto offset = static_cast<std::size_t>(n % options_.block_rows);
    if (offset >= found->second.size()) {
        return nullptr; // the ledger changed under the index; the refresh that follows fixes it
    }
    if (recent_.front() != block) {
        recent_.remove(block);
        recent_.push_front(block);
    }
    return &found->second[offset];
}

void PaymentHistoryPresenter::request_block(std::int64_t block) {
    if (!in_flight_.insert(block).second) {
        return;
    }
    const int number = generation_.number;
    context_.vault.run<std::vector<store::PaymentEntry>>(
        [filter = ledger_filter_, index = index_, stale = generation_.stale,
         block](store::Vault& v) -> Result<std::vector<store::PaymentEntry>> {
            if (stale->load()) {
                return make_error(ErrorKind::cancelled, "history block superseded");
            }
            auto page = store::PaymentLedger(v).block(filter, *index, block);
            if (!page) {
                return page.error();
            }
            return std::move(page->entries);
        },
        lifetime_.guard([this, number, block](Result<std::vector<store::PaymentEntry>> r) {
            if (number != generation_.number) {
                return;
            }
            in_flight_.erase(block);
            if (!r) {
                show_problem(r.error());
                return;
            }
            store_block(block, std::move(*r));
        }));
}

void PaymentHistoryPresenter::store_block(std::int64_t block,
                                          std::vector<store::PaymentEntry> entries) {
    const auto size = static_cast<std::int64_t>(entries.size());
    blocks_[block] = std::move(entries);
    recent_.remove(block);
    recent_.push_front(block);
    while (recent_.size() > options_.cached_blocks) {
        blocks_.erase(recent_.back());
        recent_.pop_back();
    }
    if (size > 0) {
        const std::int64_t first = block * options_.block_rows;
        view_.rows_ready(first, first + size - 1);
    }
}

} // namespace cd::app
