// The support report: what support asks for first, in one text the citizen sees before it
// leaves the computer — app and library versions, OS, folders, and the end of the log (whose
// lines were redacted when written, and are redacted again here in case the file was edited
// or came from an older version).
#pragma once

#include "app/diagnostics_text.h"
#include "core/error.h"

#include <filesystem>
#include <string>

namespace cd::app {

// The last max_lines lines of a text file (at most max_bytes read from its end).
Result<std::string> read_log_tail(const std::filesystem::path& file, std::size_t max_lines,
                                  std::uintmax_t max_bytes = 256 * 1024);

std::string support_report_text(const LibraryVersions& versions, const AppPaths& paths,
                                const std::string& log_tail);

// Writes text to path through a temporary file in the same folder, then renames it, so a full
// disk or a crash never leaves half a report under the chosen name.
Status write_file_atomically(const std::filesystem::path& path, const std::string& text);

} // namespace cd::app
