// File-level work around the vault that needs no key: the header checks that tell a damaged or
// truncated file from a wrong passphrase, moving files aside, durable copies.
#pragma once

#include "core/error.h"
#include "store/connection.h"
#include "store/vault.h"

#include <filesystem>
#include <string>
#include <string_view>

namespace cd::store {

// Catches damage visible without the key: missing file, a size that is not a whole number of
// pages (truncated), a blank salt or a plain SQLite header where the encrypted one belongs.
// (Damage inside page 1 past the salt is told apart later, by page_authentication.h; a
// damaged salt alone still looks like a wrong passphrase: nothing can tell them apart.)
Status check_vault_file(const std::filesystem::path& path, int page_size);

// Removes the file and its -wal, -shm and -journal companions (after a failed create).
void remove_vault_files(const std::filesystem::path& path);

// ".<name><suffix>" beside `destination`: where a file is written before it is renamed into
// place, so it never leaves the folder the citizen chose.
std::filesystem::path hidden_sibling(const std::filesystem::path& destination,
                                     std::string_view suffix);

// The path as UTF-8, as SQLite wants it on every platform (path::string() is the ANSI code
// page on Windows).
std::string utf8_path(const std::filesystem::path& path);

// Flushes a file's bytes to the disk (fsync), so a rename after it is durable.
Status sync_file(const std::filesystem::path& path);

// Runs PRAGMA integrity_check / quick_check / cipher_integrity_check; damage met while
// reading (SQLITE_CORRUPT, SQLITE_NOTADB) is a problem in the report, not an error.
Result<IntegrityReport> run_integrity_check(Connection& db, const char* pragma);

} // namespace cd::store
