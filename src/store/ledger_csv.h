// Exports the payment history as CSV for the citizen: UTF-8 with a BOM (so spreadsheet apps
// read Chinese correctly), RFC 4180 quoting, CRLF line ends. Written atomically: a temporary
// file in the destination's own folder, flushed, then renamed over the destination, so no
// plain copy of personal data is left anywhere but where the citizen chose.
#pragma once

#include "core/error.h"
#include "store/payment_ledger.h"

#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cd::store {

// One field, quoted when it holds a comma, quote, CR or LF (quotes doubled). A text field
// starting with = + - @ gets a leading apostrophe, so a spreadsheet never runs it as a formula.
std::string csv_field(std::string_view text, bool is_text = true);

// The header row's column names in English (export_ledger_csv's; the app passes the names in
// the citizen's language to LedgerCsvWriter::open).
std::string_view ledger_csv_header();

// A header row from column names, each quoted as csv_field does.
std::string csv_header_row(const std::vector<std::string>& columns);

// An export written in chunks (one store-thread job each), so other vault work runs between
// them, progress can be shown and the citizen can cancel. Until commit() the rows go to a
// hidden sibling of the destination; abort() or the destructor removes it.
class LedgerCsvWriter {
public:
    // Creates the temporary file and writes the BOM and `header` (a row without its line end).
    static Result<std::unique_ptr<LedgerCsvWriter>>
    open(const std::filesystem::path& destination, std::string_view header = ledger_csv_header());
    ~LedgerCsvWriter();
    LedgerCsvWriter(const LedgerCsvWriter&) = delete;
    LedgerCsvWriter& operator=(const LedgerCsvWriter&) = delete;

    // Writes up to `limit` more entries matching `filter`; true once every entry is written.
    Result<bool> write_chunk(PaymentLedger& ledger, const LedgerFilter& filter, int limit);
    std::int64_t written() const { return written_; }
    // Flushes, syncs and renames the file into place.
    Status commit();
    // Removes the temporary file (nothing is left behind).
    void abort();

private:
    LedgerCsvWriter(std::filesystem::path destination, std::filesystem::path partial);

    std::filesystem::path destination_;
    std::filesystem::path partial_;
    std::ofstream out_;
    std::optional<LedgerCursor> cursor_;
    std::int64_t written_ = 0;
    bool open_ = true; // the temporary file exists
};

// Writes every entry that matches `filter`, newest first. Returns the number of entries.
Result<std::int64_t> export_ledger_csv(PaymentLedger& ledger, const LedgerFilter& filter,
                                       const std::filesystem::path& destination);

} // namespace cd::store
