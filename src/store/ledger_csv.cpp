#include "store/ledger_csv.h"

#include "store/vault_files.h"

#include <fstream>
#include <random>

namespace cd::store {
namespace {

std::string csv_line(const PaymentEntry& e) {
    std::string line;
    line += csv_field(e.created_utc, false) + ',';
    line += csv_field(e.bill_id) + ',';
    line += csv_field(e.payee) + ',';
    line += csv_field(e.category) + ',';
    line += csv_field(e.account) + ',';
    line += csv_field(to_decimal_string(e.amount), false) + ',';
    line += csv_field(to_string(e.status), false) + ',';
    line += csv_field(e.receipt_number.value_or("")) + ',';
    line += csv_field(e.idempotency_key);
    return line + "\r\n";
}

Error write_error(const std::string& what) {
    Error e = make_error(ErrorKind::storage, "CSV export: " + what);
    e.user_message = msg(N_("The export could not be written. Check that the disk has space "
                            "and that you may write to the folder."));
    e.retryable = true;
    return e;
}

} // namespace

std::string csv_field(std::string_view text, bool is_text) {
    std::string value;
    if (is_text && !text.empty() &&
        (text[0] == '=' || text[0] == '+' || text[0] == '-' || text[0] == '@')) {
        value = "'";
    }
    value.append(text);
    if (value.find_first_of(",\"\r\n") == std::string::npos) {
        return value;
    }
    std::string quoted = "\"";
    for (char c : value) {
        quoted += c;
        if (c == '"') {
            quoted += '"';
        }
    }
    return quoted + '"';
}

std::string_view ledger_csv_header() {
    return "time_utc,bill_id,payee,category,account,amount_yuan,status,receipt_number,"
           "idempotency_key";
}

LedgerCsvWriter::LedgerCsvWriter(std::filesystem::path destination, std::filesystem::path partial)
    : destination_(std::move(destination)), partial_(std::move(partial)) {}

LedgerCsvWriter::~LedgerCsvWriter() {
    abort();
}

std::string csv_header_row(const std::vector<std::string>& columns) {
    std::string row;
    for (const auto& c : columns) {
        if (!row.empty()) {
            row += ',';
        }
        row += csv_field(c);
    }
    return row;
}

Result<std::unique_ptr<LedgerCsvWriter>>
LedgerCsvWriter::open(const std::filesystem::path& destination, std::string_view header) {
    std::random_device rd;
    auto partial = hidden_sibling(destination, ".partial-" + std::to_string(rd()));
    std::unique_ptr<LedgerCsvWriter> writer(new LedgerCsvWriter(destination, partial));
    writer->out_.open(partial, std::ios::binary | std::ios::trunc);
    if (!writer->out_) {
        writer->open_ = false; // nothing was created
        return write_error("cannot create the temporary file");
    }
    writer->out_ << "\xEF\xBB\xBF" << header << "\r\n";
    if (!writer->out_) {
        return write_error("write failed");
    }
    return writer;
}

Result<bool> LedgerCsvWriter::write_chunk(PaymentLedger& ledger, const LedgerFilter& filter,
                                          int limit) {
    if (!open_) {
        return make_error(ErrorKind::storage, "CSV export: the writer is closed");
    }
    auto page = ledger.page(filter, cursor_, limit);
    if (!page) {
        return page.error();
    }
    for (const auto& e : page->entries) {
        out_ << csv_line(e);
    }
    if (!out_) {
        return write_error("write failed");
    }
    written_ += static_cast<std::int64_t>(page->entries.size());
    cursor_ = page->next;
    return !cursor_.has_value();
}

Status LedgerCsvWriter::commit() {
    if (!open_) {
        return make_error(ErrorKind::storage, "CSV export: the writer is closed");
    }
    out_.flush();
    if (!out_) {
        return write_error("write failed");
    }
    out_.close();
    if (!out_) {
        return write_error("close failed");
    }
    if (auto s = sync_file(partial_); !s) {
        return s;
    }
    const std::error_code ec = replace_file(partial_, destination_);
    if (ec) {
        return write_error("rename: " + ec.message());
    }
    open_ = false;
    return Done{};
}

void LedgerCsvWriter::abort() {
    if (!open_) {
        return;
    }
    open_ = false;
    out_.close();
    std::error_code ec;
    std::filesystem::remove(partial_, ec);
}

Result<std::int64_t> export_ledger_csv(PaymentLedger& ledger, const LedgerFilter& filter,
                                       const std::filesystem::path& destination) {
    auto writer = LedgerCsvWriter::open(destination);
    if (!writer) {
        return writer.error();
    }
    for (;;) {
        auto done = (*writer)->write_chunk(ledger, filter, 1000);
        if (!done) {
            return done.error();
        }
        if (*done) {
            break;
        }
    }
    if (auto s = (*writer)->commit(); !s) {
        return s.error();
    }
    return (*writer)->written();
}

} // namespace cd::store
