// A payment receipt as the screen, the printer and a saved file show it: a title and labelled
// lines, in message ids (the view translates), rendered to plain text or to a small HTML page
// with the caller's translator. Saving writes the file on the worker thread.
#pragma once

#include "api/platform_types.h"
#include "app/dispatcher.h"
#include "app/local_time.h"
#include "app/task_runner.h"
#include "core/error.h"
#include "core/message.h"

#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace cd::app {

struct ReceiptLine {
    Message label;
    std::string value;
    Message value_text; // used instead of value when set (a word that needs translating)
};

struct ReceiptDocument {
    std::string receipt_number;
    std::vector<ReceiptLine> lines;
    std::string total; // "86.40"
};

using Translate = std::function<std::string(const Message&)>;

// utc_offset_minutes: the citizen's clock (local_utc_offset_minutes), so "Issued" reads as the
// wall clock showed when they paid. Amounts carry their unit (yuan, translated as 元).
ReceiptDocument make_receipt(const api::Receipt& receipt, bool chinese, int utc_offset_minutes);

std::string receipt_plain_text(const ReceiptDocument& doc, const Translate& tr);
std::string receipt_html(const ReceiptDocument& doc, const Translate& tr);

// "receipt-R123456789.pdf" for extension "pdf" (or "html", "txt").
std::string receipt_file_name(const ReceiptDocument& doc, std::string_view extension);

// Writes `content` to `file` on `worker` (through a temporary file and a rename); `done` runs on
// the UI thread.
void save_text_file(TaskRunner& worker, Dispatcher& ui, std::filesystem::path file,
                    std::string content, std::function<void(Status)> done);

} // namespace cd::app
