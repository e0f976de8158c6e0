// Export of the filtered history to a CSV file the citizen chose: written on the store thread
// in chunks (other vault work runs between them), with progress and cancel; the file appears
// complete or not at all (ledger_csv's temporary sibling, renamed at the end).
#pragma once

#include "app/app_context.h"
#include "core/message.h"
#include "store/payment_ledger.h"

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace cd::store {
class LedgerCsvWriter;
}

namespace cd::app {

struct ExportProgress {
    std::int64_t written = 0;
    std::int64_t total = 0; // expected rows (0 when not known)
};

class HistoryExportView {
public:
    virtual ~HistoryExportView() = default;
    virtual void export_progress(const ExportProgress& progress) = 0;
    // Done: problem empty and `written` rows are in `destination` (UTF-8, to say where the file
    // went). Cancelled: `cancelled` true and no file was left. Failed: problem says why (no file
    // left either).
    virtual void export_finished(std::int64_t written, bool cancelled, const Message& problem,
                                 const std::string& destination) = 0;
};

class HistoryExportPresenter {
public:
    HistoryExportPresenter(AppContext& context, HistoryExportView& view, int chunk_rows = 2000);
    ~HistoryExportPresenter();

    // The columns' names as message ids, in the file's order: the view translates them, so a
    // citizen reading Chinese gets a file with Chinese headers.
    static std::vector<Message> columns();

    // Starts exporting `filter`'s entries (about `expected_rows` of them) to `destination`, with
    // `column_names` (columns(), translated) as its header row. Ignored while an export runs.
    void start(const store::LedgerFilter& filter, std::int64_t expected_rows,
               const std::filesystem::path& destination,
               const std::vector<std::string>& column_names);
    // Stops the running export after its current chunk; the partial file is removed.
    void cancel();
    bool running() const { return job_ != nullptr; }

    // A file name to suggest: "payments-20261128.csv".
    static std::string suggested_file_name(std::chrono::system_clock::time_point now);

private:
    struct Job;
    void next_chunk();
    void abort_on_store_thread(const std::shared_ptr<Job>& job);
    void finish(std::int64_t written, bool cancelled, const Message& problem);

    AppContext& context_;
    HistoryExportView& view_;
    int chunk_rows_;
    std::shared_ptr<Job> job_;
    Lifetime lifetime_; // last
};

} // namespace cd::app
