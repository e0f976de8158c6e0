// File-level work around the vault that needs no key: the header checks that tell a damaged or
// truncated file from a wrong passphrase, moving files aside, durable copies.
#pragma once

#include "core/error.h"
#include "store/connection.h"
#include "store/vault.h"

#include <filesystem>
#include <string>
#include <string_view>
#include <system_error>

namespace cd::store {

// Catches damage visible without the key: missing file, a size that is not a whole number of
// pages (truncated), a blank salt or a plain SQLite header where the encrypted one belongs.
// (Damage inside page 1 past the salt is told apart later, by page_authentication.h; a
// damaged salt alone still looks like a wrong passphrase: nothing can tell them apart.)
Status check_vault_file(const std::filesystem::path& path, int page_size);

// The empty file an interrupted create leaves where the vault goes (versions that created the
// vault in place left it for the ~150 ms of key derivation): zero bytes and no -wal holding
// pages. There is nothing in it to lose, so a new create replaces it without asking.
bool left_by_interrupted_create(const std::filesystem::path& path);

// Whether there is a vault at `path` to unlock: a file that is not such an empty leftover.
bool vault_file_present(const std::filesystem::path& path);

// Where create builds a new vault before renaming it into place.
std::filesystem::path vault_being_created(const std::filesystem::path& path);

// Removes the file and its -wal, -shm and -journal companions (after a failed create).
void remove_vault_files(const std::filesystem::path& path);

// ".<name><suffix>" beside `destination`: where a file is written before it is renamed into
// place, so it never leaves the folder the citizen chose.
std::filesystem::path hidden_sibling(const std::filesystem::path& destination,
                                     std::string_view suffix);

// The path as UTF-8, as SQLite wants it on every platform (path::string() is the ANSI code
// page on Windows).
std::string utf8_path(const std::filesystem::path& path);

// Flushes a file's bytes to the disk (fsync; FlushFileBuffers on Windows), so a rename after
// it is durable.
Status sync_file(const std::filesystem::path& path);

// Flushes a folder's entries (fsync on the folder), so a rename into it survives a power cut.
// Nothing to do on Windows: replace_file asks for MOVEFILE_WRITE_THROUGH, which returns only
// once the rename is on the disk, and a folder cannot be flushed there.
Status sync_folder(const std::filesystem::path& folder);

// Makes a new, empty file readable and writable by its owner only (0600 on POSIX, an
// owner-only access list on Windows); refuses an existing one.
Status create_private_file(const std::filesystem::path& path);

// Puts `from` in the place of `to` in one step, replacing what is there: the reader sees the
// old file or the new one, never a mix (rename(2); MoveFileExW with MOVEFILE_REPLACE_EXISTING
// and MOVEFILE_WRITE_THROUGH on Windows). Both must be in one folder.
std::error_code replace_file(const std::filesystem::path& from, const std::filesystem::path& to);

// Runs PRAGMA integrity_check / quick_check / cipher_integrity_check; damage met while
// reading (SQLITE_CORRUPT, SQLITE_NOTADB) is a problem in the report, not an error.
Result<IntegrityReport> run_integrity_check(Connection& db, const char* pragma);

} // namespace cd::store
