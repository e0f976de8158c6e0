// Vault: backup, restore and moving a damaged file aside.
#include "store/vault.h"

#include "diag/log.h"
#include "store/passphrase_strength.h"
#include "store/schema.h"
#include "store/utc_time.h"
#include "store/vault_files.h"

#include <sqlite3.h>

namespace cd::store {
namespace {

Error file_error(std::string what, const std::error_code& ec) {
    Error e = make_error(ErrorKind::storage, what + ": " + ec.message());
    e.user_message = msg(N_("The file could not be written. Check that the disk has space and "
                            "that you may write to the folder."));
    return e;
}

std::filesystem::path with_suffix(const std::filesystem::path& p, const std::string& suffix) {
    auto out = p;
    out += suffix;
    return out;
}

// Runs sql with one bound blob kept in the caller's buffer (SQLITE_STATIC: SQLite copies
// nothing, so the caller's wipe is the only copy to wipe).
int exec_with_secret(sqlite3* db, const char* sql, const std::string& text,
                     const SecretBytes& secret) {
    sqlite3_stmt* stmt = nullptr;
    int rc = sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr);
    if (rc == SQLITE_OK) {
        sqlite3_bind_text(stmt, 1, text.c_str(), static_cast<int>(text.size()), SQLITE_STATIC);
        sqlite3_bind_blob(stmt, 2, secret.data(), static_cast<int>(secret.size()), SQLITE_STATIC);
        rc = sqlite3_step(stmt);
        rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
    }
    sqlite3_finalize(stmt);
    return rc;
}

} // namespace

Result<std::filesystem::path> Vault::move_aside(const std::filesystem::path& path,
                                                std::chrono::system_clock::time_point now,
                                                std::string_view why) {
    std::error_code ec;
    std::filesystem::path base = path;
    base += ".";
    base += why;
    base += "-";
    base += compact_utc_stamp(now);
    std::filesystem::path target = base;
    for (int n = 2; std::filesystem::exists(target, ec); ++n) {
        target = base;
        target += "-";
        target += std::to_string(n);
    }
    std::filesystem::rename(path, target, ec);
    if (ec) {
        return file_error("move the vault aside", ec);
    }
    // The -wal belongs to the file: keep them together so the old file still opens as it was.
    for (const char* suffix : {"-wal", "-shm"}) {
        const auto companion = with_suffix(path, suffix);
        if (std::filesystem::exists(companion, ec)) {
            std::filesystem::rename(companion, with_suffix(target, suffix), ec);
            if (ec) {
                return file_error("move the vault's companion aside", ec);
            }
        }
    }
    diag::warn(diag::Category::store, "vault moved aside (", why, ")");
    return target;
}

Result<std::filesystem::path> Vault::start_over(const std::filesystem::path& path,
                                                SecretBytes passphrase) {
    lock();
    // Checked before anything moves: a refused passphrase leaves the old file where it was.
    if (auto s = require_acceptable_passphrase(passphrase.view()); !s) {
        return s.error();
    }
    auto aside = move_aside(path, std::chrono::system_clock::now());
    if (!aside) {
        return aside.error();
    }
    if (auto s = create(path, std::move(passphrase)); !s) {
        return s.error();
    }
    return aside;
}

Status Vault::backup_to(const std::filesystem::path& destination, SecretBytes passphrase) {
    if (!db_.is_open()) {
        return connection().error();
    }
    if (auto s = require_acceptable_passphrase(passphrase.view()); !s) {
        return s;
    }
    const auto partial = hidden_sibling(destination, ".partial");
    remove_vault_files(partial);
    sqlite3* db = db_.handle();
    int rc =
        exec_with_secret(db, "ATTACH DATABASE ? AS backup KEY ?", utf8_path(partial), passphrase);
    passphrase.clear();
    if (rc != SQLITE_OK) {
        return sqlite_error(rc, "attach the backup", db);
    }
    auto version = schema_version(db_);
    Status s = version ? apply_attached_settings(db, "backup", settings_) : Status(version.error());
    if (s) {
        s = db_.exec("SELECT sqlcipher_export('backup')");
    }
    if (s) {
        s = db_.exec("PRAGMA backup.user_version = " + std::to_string(*version));
    }
    (void)db_.exec("DETACH DATABASE backup");
    if (s) {
        s = sync_file(partial);
    }
    if (s) {
        std::error_code ec;
        ec = replace_file(partial, destination);
        if (ec) {
            s = file_error("rename the backup into place", ec);
        }
    }
    if (!s) {
        remove_vault_files(partial);
        return s;
    }
    diag::info(diag::Category::store, "vault backed up");
    return Done{};
}

Result<std::optional<std::filesystem::path>>
Vault::restore_from(const std::filesystem::path& backup, SecretBytes backup_passphrase,
                    const std::filesystem::path& vault_path) {
    if (db_.is_open()) {
        Error e = make_error(ErrorKind::conflict, "restore while the vault is unlocked");
        e.user_message = msg(N_("Lock the vault before restoring a backup."));
        return e;
    }
    if (auto s = check_vault_file(backup, settings_.page_size); !s) {
        return s.error();
    }
    if (!pacing_.wait_turn()) {
        return pacing_interrupted_error();
    }
    {
        auto db = open_keyed(backup, backup_passphrase, OpenMode::read_only);
        backup_passphrase.clear();
        if (!db) {
            if (db.error().kind == ErrorKind::crypto) {
                pacing_.record_failure();
            }
            return db.error();
        }
        pacing_.record_success();
        auto report = run_integrity_check(*db, "PRAGMA integrity_check");
        if (!report) {
            return report.error();
        }
        if (!report->ok) {
            return damaged_vault_error("the backup fails its integrity check");
        }
        auto version = schema_version(*db);
        if (!version || *version > latest_schema_version()) {
            return version ? damaged_vault_error("the backup is from a newer schema")
                           : version.error();
        }
    }
    const auto incoming = with_suffix(vault_path, ".restoring");
    std::error_code ec;
    std::filesystem::copy_file(backup, incoming, std::filesystem::copy_options::overwrite_existing,
                               ec);
    if (ec) {
        return file_error("copy the backup", ec);
    }
    if (auto s = sync_file(incoming); !s) {
        std::filesystem::remove(incoming, ec);
        return s.error();
    }
    std::optional<std::filesystem::path> aside;
    if (std::filesystem::exists(vault_path, ec)) {
        auto moved = move_aside(vault_path, std::chrono::system_clock::now(), "replaced");
        if (!moved) {
            std::filesystem::remove(incoming, ec);
            return moved.error();
        }
        aside = *moved;
    }
    ec = replace_file(incoming, vault_path);
    if (ec) {
        return file_error("put the restored vault in place", ec);
    }
    diag::info(diag::Category::store, "vault restored from a backup");
    return aside;
}

} // namespace cd::store
