// Exports the payment history as CSV for the citizen: UTF-8 with a BOM (so spreadsheet apps
// read Chinese correctly), RFC 4180 quoting, CRLF line ends. Written atomically: a temporary
// file in the destination's own folder, flushed, then renamed over the destination, so no
// plain copy of personal data is left anywhere but where the citizen chose.
#pragma once

#include "core/error.h"
#include "store/payment_ledger.h"

#include <filesystem>
#include <string>
#include <string_view>

namespace cd::store {

// One field, quoted when it holds a comma, quote, CR or LF (quotes doubled). A text field
// starting with = + - @ gets a leading apostrophe, so a spreadsheet never runs it as a formula.
std::string csv_field(std::string_view text, bool is_text = true);

// The header row's column names (stable, English: the file is data, not UI).
std::string_view ledger_csv_header();

// Writes every entry that matches `filter`, newest first. Returns the number of entries.
Result<std::int64_t> export_ledger_csv(PaymentLedger& ledger, const LedgerFilter& filter,
                                       const std::filesystem::path& destination);

} // namespace cd::store
