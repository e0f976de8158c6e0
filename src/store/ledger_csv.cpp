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

Result<std::int64_t> export_ledger_csv(PaymentLedger& ledger, const LedgerFilter& filter,
                                       const std::filesystem::path& destination) {
    std::random_device rd;
    const auto partial = hidden_sibling(destination, ".partial-" + std::to_string(rd()));
    std::int64_t count = 0;
    {
        std::ofstream out(partial, std::ios::binary | std::ios::trunc);
        if (!out) {
            return write_error("cannot create the temporary file");
        }
        out << "\xEF\xBB\xBF" << ledger_csv_header() << "\r\n";
        std::optional<LedgerCursor> cursor;
        do {
            auto page = ledger.page(filter, cursor, 1000);
            if (!page) {
                out.close();
                std::filesystem::remove(partial);
                return page.error();
            }
            for (const auto& e : page->entries) {
                out << csv_line(e);
            }
            count += static_cast<std::int64_t>(page->entries.size());
            cursor = page->next;
        } while (cursor && out);
        out.flush();
        if (!out) {
            out.close();
            std::filesystem::remove(partial);
            return write_error("write failed");
        }
    }
    std::error_code ec;
    if (auto s = sync_file(partial); !s) {
        std::filesystem::remove(partial, ec);
        return s.error();
    }
    std::filesystem::rename(partial, destination, ec);
    if (ec) {
        std::filesystem::remove(partial, ec);
        return write_error("rename: " + ec.message());
    }
    return count;
}

} // namespace cd::store
