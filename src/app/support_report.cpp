#include "app/support_report.h"

#include "core/path_text.h"
#include "diag/redact.h"

#include <fstream>
#include <random>
#include <system_error>

namespace cd::app {

namespace fs = std::filesystem;

Result<std::string> read_log_tail(const fs::path& file, std::size_t max_lines,
                                  std::uintmax_t max_bytes) {
    std::error_code ec;
    const std::uintmax_t size = fs::file_size(file, ec);
    if (ec) {
        Error e = make_error(ErrorKind::storage,
                             "cannot read " + path_to_utf8(file) + ": " + ec.message());
        e.user_message = msg(N_("The log file could not be read."));
        return e;
    }
    std::ifstream in(file, std::ios::binary);
    const std::uintmax_t start = size > max_bytes ? size - max_bytes : 0;
    in.seekg(static_cast<std::streamoff>(start));
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (start > 0) {
        const auto first_newline = text.find('\n');
        text.erase(0, first_newline == std::string::npos ? text.size() : first_newline + 1);
    }
    // Keep the last max_lines lines.
    std::size_t pos = text.size();
    if (pos > 0 && text[pos - 1] == '\n') {
        --pos;
    }
    for (std::size_t lines = 0; pos > 0; --pos) {
        if (text[pos - 1] == '\n' && ++lines == max_lines) {
            break;
        }
    }
    return text.substr(pos);
}

std::string support_report_text(const LibraryVersions& versions, const AppPaths& paths,
                                const std::string& log_tail) {
    std::string out = "CitizenDesk support report\n\n";
    out += diagnostics_text(versions, paths);
    out += "\nRecent log\n\n";
    std::size_t from = 0;
    while (from < log_tail.size()) {
        const auto end = log_tail.find('\n', from);
        const auto line =
            log_tail.substr(from, end == std::string::npos ? std::string::npos : end - from);
        out += diag::redact(line);
        out += '\n';
        if (end == std::string::npos) {
            break;
        }
        from = end + 1;
    }
    return out;
}

Status write_file_atomically(const fs::path& path, const std::string& text) {
    std::random_device rd;
    fs::path name = ".";
    name += path.filename(); // a path, not text: a Chinese name stays intact on Windows
    name += ".tmp" + std::to_string(rd() % 1000000);
    const fs::path temp = path.parent_path() / name;
    auto fail = [&](const std::string& why) -> Status {
        std::error_code ignored;
        fs::remove(temp, ignored);
        Error e = make_error(ErrorKind::storage, "writing " + path_to_utf8(path) + ": " + why);
        e.user_message = msg(N_("The file could not be saved. Check that the folder exists, that "
                                "you may write to it, and that the disk is not full."));
        return e;
    };
    {
        std::ofstream out(temp, std::ios::binary | std::ios::trunc);
        if (!out) {
            return fail("cannot create a temporary file");
        }
        out.write(text.data(), static_cast<std::streamsize>(text.size()));
        out.flush();
        if (!out) {
            return fail("write failed");
        }
    }
    std::error_code ec;
    fs::rename(temp, path, ec);
    if (ec) {
        return fail(ec.message());
    }
    return Done{};
}

} // namespace cd::app
