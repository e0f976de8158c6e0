#include "store/vault_files.h"

#include "store/vault.h"

#include <array>
#include <cstring>
#include <fstream>

namespace cd::store {

Status check_vault_file(const std::filesystem::path& path, int page_size) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) {
        Error e = make_error(ErrorKind::storage, "no vault file at the given path");
        e.user_message = msg(N_("No vault was found. Create a new one or restore a backup."));
        return e;
    }
    const auto size = std::filesystem::file_size(path, ec);
    if (ec) {
        return make_error(ErrorKind::storage, "cannot read the vault's size: " + ec.message());
    }
    if (size == 0) {
        // A crash right after creation can leave every page in the -wal file still.
        auto wal = path;
        wal += "-wal";
        if (std::filesystem::file_size(wal, ec) > 0 && !ec) {
            return Done{};
        }
        return damaged_vault_error("the vault file is empty");
    }
    const auto page = static_cast<std::uintmax_t>(page_size);
    if (size < page || size % page != 0) {
        return damaged_vault_error("the vault file is truncated: " + std::to_string(size) +
                                   " bytes is not a whole number of pages");
    }
    std::array<char, 16> salt{};
    std::ifstream in(path, std::ios::binary);
    if (!in.read(salt.data(), salt.size())) {
        return make_error(ErrorKind::storage, "cannot read the vault header");
    }
    if (std::memcmp(salt.data(), "SQLite format 3", 16) == 0) {
        return damaged_vault_error("the vault file is an unencrypted SQLite database");
    }
    bool blank = true;
    for (char c : salt) {
        blank = blank && c == salt[0];
    }
    if (blank) {
        // A random 16-byte salt of one repeated byte does not happen; a zeroed block does.
        return damaged_vault_error("the vault header (salt) is blank");
    }
    return Done{};
}

bool left_by_interrupted_create(const std::filesystem::path& path) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec) || std::filesystem::file_size(path, ec) != 0 ||
        ec) {
        return false;
    }
    auto wal = path;
    wal += "-wal";
    std::error_code wal_ec;
    const auto wal_size = std::filesystem::file_size(wal, wal_ec);
    return wal_ec || wal_size == 0;
}

bool vault_file_present(const std::filesystem::path& path) {
    std::error_code ec;
    return std::filesystem::exists(path, ec) && !left_by_interrupted_create(path);
}

std::filesystem::path vault_being_created(const std::filesystem::path& path) {
    return hidden_sibling(path, ".creating");
}

void remove_vault_files(const std::filesystem::path& path) {
    std::error_code ec;
    std::filesystem::remove(path, ec);
    for (const char* suffix : {"-wal", "-shm", "-journal"}) {
        auto companion = path;
        companion += suffix;
        std::filesystem::remove(companion, ec);
    }
}

std::filesystem::path hidden_sibling(const std::filesystem::path& destination,
                                     std::string_view suffix) {
    std::filesystem::path name = ".";
    name += destination.filename(); // a path, not text: a Chinese name stays intact on Windows
    name += suffix;
    return destination.parent_path() / name;
}

std::string utf8_path(const std::filesystem::path& path) {
    const std::u8string text = path.u8string();
    return std::string(text.begin(), text.end());
}

Result<IntegrityReport> run_integrity_check(Connection& db, const char* pragma) {
    auto stmt = db.prepare(pragma);
    if (!stmt) {
        return stmt.error();
    }
    IntegrityReport report;
    for (;;) {
        auto row = stmt->step();
        if (!row) {
            // The check is prepared, so a step that fails did so reading the file: SQLite
            // says CORRUPT or NOTADB, and SQLCipher 4 says ERROR for a page that fails its
            // HMAC (3.4 let the page through and SQLite called it CORRUPT).
            const int code = db.last_error_code() & 0xff;
            if (code == sqlite_corrupt || code == sqlite_notadb || code == sqlite_generic_error) {
                report.problems.push_back(row.error().detail);
                return report;
            }
            return row.error();
        }
        if (!*row) {
            break;
        }
        const std::string line = stmt->column_text(0);
        if (line != "ok") {
            report.problems.push_back(line);
        }
    }
    report.ok = report.problems.empty();
    return report;
}

} // namespace cd::store
