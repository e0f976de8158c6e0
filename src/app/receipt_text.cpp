#include "app/receipt_text.h"

#include "app/platform_data.h"
#include "core/html_text.h"
#include "core/money.h"

#include <fstream>
#include <system_error>

namespace cd::app {

ReceiptDocument make_receipt(const api::Receipt& receipt, bool chinese, int utc_offset_minutes) {
    ReceiptDocument doc;
    doc.receipt_number = receipt.receipt_no;
    doc.total = to_decimal_string(receipt.total);
    doc.lines.push_back({msg(N_("Receipt number")), receipt.receipt_no, {}});
    doc.lines.push_back(
        {msg(N_("Issued")), local_time_text(receipt.issued_at, utc_offset_minutes), {}});
    doc.lines.push_back({msg(N_("Payee")), localized(receipt.payee, chinese), {}});
    if (!receipt.account_number.empty()) {
        doc.lines.push_back({msg(N_("Account number")), receipt.account_number, {}});
    }
    doc.lines.push_back({msg(N_("Payer")), receipt.payer, {}});
    for (const auto& item : receipt.items) {
        doc.lines.push_back({msg(N_("Item")),
                             {},
                             msg(N_("{0}: {1} yuan"), {localized(item.description, chinese),
                                                       to_decimal_string(item.amount)})});
    }
    if (receipt.method == "wallet") {
        doc.lines.push_back({msg(N_("Paid with")), {}, msg(N_("Platform wallet"))});
    } else {
        doc.lines.push_back({msg(N_("Paid with")), receipt.method, {}});
    }
    doc.lines.push_back({msg(N_("Payment id")), receipt.payment_id, {}});
    return doc;
}

static std::string value_of(const ReceiptLine& line, const Translate& tr) {
    return line.value_text.empty() ? line.value : tr(line.value_text);
}

std::string receipt_plain_text(const ReceiptDocument& doc, const Translate& tr) {
    std::string out = tr(msg(N_("Payment receipt"))) + "\n";
    out += std::string(40, '=') + "\n";
    for (const auto& line : doc.lines) {
        out += tr(line.label) + ": " + value_of(line, tr) + "\n";
    }
    out += std::string(40, '-') + "\n";
    out += tr(msg(N_("Total: {0} yuan"), {doc.total})) + "\n";
    return out;
}

std::string receipt_html(const ReceiptDocument& doc, const Translate& tr) {
    const std::string title = html_escape(tr(msg(N_("Payment receipt"))));
    std::string out = "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" + title +
                      "</title></head>\n<body>\n<h1>" + title + "</h1>\n<table>\n";
    for (const auto& line : doc.lines) {
        out += "<tr><th align=\"left\">" + html_escape(tr(line.label)) + "</th><td>" +
               html_escape(value_of(line, tr)) + "</td></tr>\n";
    }
    out += "</table>\n<p><b>" + html_escape(tr(msg(N_("Total: {0} yuan"), {doc.total}))) +
           "</b></p>\n</body></html>\n";
    return out;
}

std::string receipt_file_name(const ReceiptDocument& doc, std::string_view extension) {
    std::string safe;
    for (char c : doc.receipt_number) {
        if (std::isalnum(static_cast<unsigned char>(c)) || c == '-') {
            safe += c;
        }
    }
    return "receipt-" + (safe.empty() ? std::string("payment") : safe) + "." +
           std::string(extension);
}

void save_text_file(TaskRunner& worker, Dispatcher& ui, std::filesystem::path file,
                    std::string content, std::function<void(Status)> done) {
    worker.run(
        [&ui, file = std::move(file), content = std::move(content), done = std::move(done)]() {
            Status status = Done{};
            auto temp = file;
            temp += ".part";
            {
                std::ofstream out(temp, std::ios::binary | std::ios::trunc);
                out.write(content.data(), static_cast<std::streamsize>(content.size()));
                out.flush();
                if (!out) {
                    status = make_error(ErrorKind::storage, "could not write " + temp.string());
                }
            }
            if (status.ok()) {
                std::error_code ec;
                std::filesystem::rename(temp, file, ec);
                if (ec) {
                    std::filesystem::remove(temp, ec);
                    status = make_error(ErrorKind::storage, "could not save " + file.string());
                }
            }
            ui.post([done, status]() {
                if (done) {
                    done(status);
                }
            });
        });
}

} // namespace cd::app
