#include "app/history_export_presenter.h"

#include "app/bills_presenter.h"
#include "core/path_text.h"
#include "store/ledger_csv.h"

#include <algorithm>

namespace cd::app {

// Shared with the store-thread jobs; the writer is only ever touched on the store thread
// (created, written, committed, and destroyed there or after the last job answered).
struct HistoryExportPresenter::Job {
    store::LedgerFilter filter;
    std::filesystem::path destination;
    std::string header;
    std::int64_t total = 0;
    std::unique_ptr<store::LedgerCsvWriter> writer;
    std::atomic<bool> cancelled{false};
};

HistoryExportPresenter::HistoryExportPresenter(AppContext& context, HistoryExportView& view,
                                               int chunk_rows)
    : context_(context), view_(view), chunk_rows_(std::max(1, chunk_rows)) {}

HistoryExportPresenter::~HistoryExportPresenter() {
    if (job_) {
        job_->cancelled.store(true);
        abort_on_store_thread(job_);
    }
}

std::string HistoryExportPresenter::suggested_file_name(std::chrono::system_clock::time_point now) {
    std::string date = local_date(now);
    date.erase(std::remove(date.begin(), date.end(), '-'), date.end());
    return "payments-" + date + ".csv";
}

std::vector<Message> HistoryExportPresenter::columns() {
    // The order of ledger_csv's rows.
    return {msg(N_("Time (UTC)")), msg(N_("Bill number")),    msg(N_("Payee")),
            msg(N_("Category")),   msg(N_("Account number")), msg(N_("Amount (yuan)")),
            msg(N_("Status")),     msg(N_("Receipt number")), msg(N_("Payment key"))};
}

void HistoryExportPresenter::start(const store::LedgerFilter& filter, std::int64_t expected_rows,
                                   const std::filesystem::path& destination,
                                   const std::vector<std::string>& column_names) {
    if (job_) {
        return;
    }
    job_ = std::make_shared<Job>();
    job_->filter = filter;
    job_->destination = destination;
    job_->header = store::csv_header_row(column_names);
    job_->total = expected_rows;
    view_.export_progress({0, expected_rows});
    next_chunk();
}

void HistoryExportPresenter::cancel() {
    if (job_) {
        job_->cancelled.store(true);
    }
}

void HistoryExportPresenter::next_chunk() {
    struct Step {
        std::int64_t written = 0;
        bool done = false;
    };
    auto job = job_;
    const int rows = chunk_rows_;
    context_.vault.run<Step>(
        [job, rows](store::Vault& v) -> Result<Step> {
            if (job->cancelled.load()) {
                if (job->writer) {
                    job->writer->abort();
                }
                return make_error(ErrorKind::cancelled, "CSV export cancelled");
            }
            if (!job->writer) {
                auto writer = store::LedgerCsvWriter::open(job->destination, job->header);
                if (!writer) {
                    return writer.error();
                }
                job->writer = std::move(*writer);
            }
            store::PaymentLedger ledger(v);
            auto done = job->writer->write_chunk(ledger, job->filter, rows);
            if (!done) {
                job->writer->abort();
                return done.error();
            }
            if (*done) {
                if (auto s = job->writer->commit(); !s) {
                    job->writer->abort();
                    return s.error();
                }
            }
            return Step{job->writer->written(), *done};
        },
        lifetime_.guard([this, job](Result<Step> r) {
            if (job->cancelled.load() && (!r || !r->done)) {
                abort_on_store_thread(job);
                finish(r.ok() ? r->written : 0, true, {});
            } else if (!r) {
                finish(0, false, r.error().message_for_user());
            } else if (r->done) {
                finish(r->written, false, {});
            } else {
                view_.export_progress({r->written, std::max(job->total, r->written)});
                next_chunk();
            }
        }));
}

// Queued behind any chunk job still running, so the partial file goes once nothing writes it.
void HistoryExportPresenter::abort_on_store_thread(const std::shared_ptr<Job>& job) {
    context_.vault.run<bool>(
        [job](store::Vault&) -> Result<bool> {
            if (job->writer) {
                job->writer->abort();
            }
            return true;
        },
        [](Result<bool>) {});
}

void HistoryExportPresenter::finish(std::int64_t written, bool cancelled, const Message& problem) {
    const std::string destination = path_to_utf8(job_->destination);
    job_.reset();
    view_.export_finished(written, cancelled, problem, destination);
}

} // namespace cd::app
