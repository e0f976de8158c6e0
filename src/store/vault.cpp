#include "store/vault.h"

#include "diag/log.h"
#include "store/page_authentication.h"
#include "store/passphrase_strength.h"
#include "store/schema.h"
#include "store/utc_time.h"
#include "store/vault_files.h"

#include <sqlite3.h>

#include <utility>

namespace cd::store {

Error wrong_passphrase_error(std::string detail) {
    Error e = make_error(ErrorKind::crypto, std::move(detail));
    e.user_message = msg(N_("The passphrase is not correct."));
    e.retryable = true;
    return e;
}

Error damaged_vault_error(std::string detail) {
    Error e = make_error(ErrorKind::storage, std::move(detail));
    e.user_message = damaged_vault_message();
    e.retryable = false;
    return e;
}

Error pacing_interrupted_error() {
    return make_error(ErrorKind::cancelled, "the wait before a passphrase attempt was interrupted");
}

namespace {

Error locked_error() {
    Error e = make_error(ErrorKind::auth, "the vault is locked");
    e.user_message = msg(N_("The vault is locked. Unlock it with your passphrase."));
    return e;
}

} // namespace

VaultOptions VaultOptions::insecure_fast_kdf_for_tests() {
    VaultOptions o;
    o.kdf_iterations = 4000;
    return o;
}

Vault::Vault(VaultOptions options)
    : options_(std::move(options)), pacing_(options_.clock, options_.waiter) {
    settings_.version = current_cipher_settings_version;
    settings_.kdf_iterations = options_.kdf_iterations;
    settings_.page_size = 4096;
}

Vault::~Vault() {
    lock();
}

Result<Connection> Vault::open_keyed(const std::filesystem::path& path,
                                     const SecretBytes& passphrase, OpenMode mode) const {
    int flags = mode == OpenMode::read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
    if (mode == OpenMode::create) {
        flags |= SQLITE_OPEN_CREATE;
    }
    sqlite3* raw = nullptr;
    const int rc = sqlite3_open_v2(utf8_path(path).c_str(), &raw, flags, nullptr);
    Connection db(raw);
    if (rc != SQLITE_OK) {
        return sqlite_error(rc, "open vault", raw);
    }
    if (auto s = apply_key(raw, passphrase, settings_); !s) {
        return s.error();
    }
    // The first read decides: with a wrong key page 1 fails its HMAC and SQLite says NOTADB.
    const int read_rc =
        sqlite3_exec(raw, "SELECT count(*) FROM sqlite_master", nullptr, nullptr, nullptr);
    if ((read_rc & 0xff) == SQLITE_NOTADB) {
        if (mode != OpenMode::create &&
            check_passphrase_on_page_two(path, passphrase, settings_) == PageKeyCheck::key_fits) {
            return damaged_vault_error("page 1 fails its HMAC, page 2 opens with the passphrase");
        }
        return wrong_passphrase_error("first read of the vault: SQLITE_NOTADB");
    }
    if ((read_rc & 0xff) == SQLITE_CORRUPT) {
        return damaged_vault_error("first read of the vault: SQLITE_CORRUPT");
    }
    if (read_rc != SQLITE_OK) {
        return sqlite_error(read_rc, "first read of the vault", raw);
    }
    return db;
}

Status Vault::prepare_connection(Connection& db) {
    // WAL: readers never block the writer; synchronous=FULL: a committed transaction survives
    // a power cut, not only a crash. Temp tables and sorts stay in memory, never in a file.
    auto mode = db.query_text("PRAGMA journal_mode = WAL");
    if (!mode) {
        return mode.error();
    }
    if (*mode != "wal") {
        return make_error(ErrorKind::storage, "could not switch the vault to WAL: " + *mode);
    }
    for (const char* pragma : {"PRAGMA synchronous = FULL", "PRAGMA foreign_keys = ON",
                               "PRAGMA temp_store = MEMORY", "PRAGMA cache_size = -16384"}) {
        if (auto s = db.exec(pragma); !s) {
            return s;
        }
    }
    return Done{};
}

namespace {

// Removes what an interrupted create left, so the citizen is never stuck with it: nothing in
// it can hold data (a create that finished renamed its file into place).
void clear_interrupted_create(const std::filesystem::path& path) {
    if (left_by_interrupted_create(path)) {
        remove_vault_files(path);
        diag::warn(diag::Category::store,
                   "an empty vault file left by an interrupted create was replaced");
    }
    const auto partial = vault_being_created(path);
    std::error_code ec;
    if (std::filesystem::exists(partial, ec)) {
        remove_vault_files(partial);
        diag::warn(diag::Category::store,
                   "a half-made vault left by an interrupted create was replaced");
    }
}

} // namespace

Status Vault::build_new(const std::filesystem::path& partial, const SecretBytes& passphrase) {
    if (auto s = create_private_file(partial); !s) {
        return s;
    }
    auto db = open_keyed(partial, passphrase, OpenMode::create);
    if (!db) {
        return db.error();
    }
    // Rollback journal while building: a -wal named after the temporary file would not follow
    // it through the rename. WAL starts when the vault is opened under its own name.
    for (const char* pragma :
         {"PRAGMA synchronous = FULL", "PRAGMA foreign_keys = ON", "PRAGMA temp_store = MEMORY"}) {
        if (auto s = db->exec(pragma); !s) {
            return s;
        }
    }
    if (auto s = migrate(*db, options_.schema_version_limit); !s) {
        return s;
    }
    if (options_.create_interrupted_for_tests) {
        options_.create_interrupted_for_tests();
    }
    return db->transaction([&]() -> Status {
        auto insert = db->prepare("INSERT INTO vault_meta (key, value) VALUES (?, ?)");
        if (!insert) {
            return insert.error();
        }
        const std::pair<const char*, std::string> rows[] = {
            {"cipher_settings_version", std::to_string(settings_.version)},
            {"kdf_iterations", std::to_string(settings_.kdf_iterations)},
            {"created_utc", to_utc_iso8601(std::chrono::system_clock::now())},
        };
        for (const auto& [key, value] : rows) {
            insert->reset();
            if (auto r = insert->bind(1, key).bind(2, value).run(); !r) {
                return r;
            }
        }
        return Done{};
    });
}

Status Vault::create(const std::filesystem::path& path, SecretBytes passphrase) {
    lock();
    clear_interrupted_create(path);
    std::error_code ec;
    if (std::filesystem::exists(path, ec)) {
        Error e = make_error(ErrorKind::conflict, "a file already exists where the vault goes");
        e.user_message = msg(N_("A vault already exists here. Unlock it, or move it aside "
                                "before creating a new one."));
        return e;
    }
    if (auto s = require_acceptable_passphrase(passphrase.view()); !s) {
        return s;
    }
    if (path.has_parent_path()) {
        std::filesystem::create_directories(path.parent_path(), ec);
    }
    const auto partial = vault_being_created(path);
    Status s = build_new(partial, passphrase); // closes the file before it moves
    if (s) {
        s = sync_file(partial);
    }
    if (s) {
        ec = replace_file(partial, path);
        if (ec) {
            s = make_error(ErrorKind::storage, "rename the new vault into place: " + ec.message());
        }
    }
    if (s) {
        s = sync_folder(path.parent_path());
    }
    if (!s) {
        passphrase.clear();
        remove_vault_files(partial);
        return s;
    }
    // Opened again under its own name (a second key derivation), so WAL and its files belong
    // to the final name. With the create flag, as before: ATTACH (backup_to) opens its new file
    // with the main connection's flags.
    auto db = open_keyed(path, passphrase, OpenMode::create);
    passphrase.clear();
    s = db ? prepare_connection(*db) : Status(db.error());
    if (!s) {
        // The vault on disk is whole; only this opening failed, and unlock can try again.
        return s;
    }
    db_ = std::move(*db);
    path_ = path;
    diag::info(diag::Category::store, "vault created (schema ", latest_schema_version(),
               ", cipher settings ", settings_.version, ")");
    return Done{};
}

Status Vault::unlock(const std::filesystem::path& path, SecretBytes passphrase) {
    TypedPassphrase typed(std::move(passphrase));
    return unlock(path, typed);
}

Status Vault::unlock(const std::filesystem::path& path, KeySource& key) {
    lock();
    if (auto s = check_vault_file(path, settings_.page_size); !s) {
        return s;
    }
    auto passphrase = key.take_passphrase();
    if (!passphrase) {
        return passphrase.error();
    }
    if (!pacing_.wait_turn()) {
        passphrase->clear();
        return pacing_interrupted_error();
    }
    auto db = open_keyed(path, *passphrase, OpenMode::read_write);
    passphrase->clear();
    if (!db) {
        if (db.error().kind == ErrorKind::crypto) {
            pacing_.record_failure();
            diag::warn(diag::Category::store, "vault unlock refused: wrong passphrase (attempt ",
                       pacing_.failures(), ")");
        }
        return db.error();
    }
    pacing_.record_success();
    if (auto s = prepare_connection(*db); !s) {
        return s;
    }
    if (options_.quick_check_on_unlock) {
        auto quick = run_integrity_check(*db, "PRAGMA quick_check");
        if (!quick) {
            return quick.error();
        }
        if (!quick->ok) {
            return damaged_vault_error("quick_check: " + quick->problems.front());
        }
    }
    if (auto s = migrate(*db); !s) {
        return s;
    }
    db_ = std::move(*db);
    path_ = path;
    diag::info(diag::Category::store, "vault unlocked");
    return Done{};
}

void Vault::lock() {
    if (db_.is_open()) {
        db_.close();
        diag::info(diag::Category::store, "vault locked");
    }
}

Result<Connection*> Vault::connection() {
    if (!db_.is_open()) {
        return locked_error();
    }
    return &db_;
}

Result<int> Vault::cipher_settings_version() {
    if (!db_.is_open()) {
        return locked_error();
    }
    auto v = db_.query_text("SELECT value FROM vault_meta WHERE key = 'cipher_settings_version'");
    if (!v) {
        return v.error();
    }
    return v->empty() ? 0 : std::stoi(*v);
}

Status Vault::change_passphrase(SecretBytes old_passphrase, SecretBytes new_passphrase) {
    if (!db_.is_open()) {
        return locked_error();
    }
    if (auto s = require_acceptable_passphrase(new_passphrase.view()); !s) {
        return s;
    }
    if (!pacing_.wait_turn()) {
        return pacing_interrupted_error();
    }
    {
        auto check = open_keyed(path_, old_passphrase, OpenMode::read_only);
        old_passphrase.clear();
        if (!check) {
            if (check.error().kind == ErrorKind::crypto) {
                pacing_.record_failure();
            }
            return check.error();
        }
    }
    pacing_.record_success();
    // Rekey rewrites every page; do it outside WAL so no page with the old key stays behind in
    // a -wal file, then return to WAL.
    for (const char* pragma : {"PRAGMA wal_checkpoint(TRUNCATE)", "PRAGMA journal_mode = DELETE"}) {
        if (auto s = db_.exec(pragma); !s) {
            return s;
        }
    }
    const int rc =
        sqlite3_rekey(db_.handle(), new_passphrase.data(), static_cast<int>(new_passphrase.size()));
    new_passphrase.clear();
    Status back = prepare_connection(db_);
    if (rc != SQLITE_OK) {
        return sqlite_error(rc, "rekey", db_.handle());
    }
    if (!back) {
        return back;
    }
    diag::info(diag::Category::store, "vault passphrase changed");
    return Done{};
}

Result<IntegrityReport> Vault::check_integrity() {
    if (!db_.is_open()) {
        return locked_error();
    }
    auto report = run_integrity_check(db_, "PRAGMA integrity_check");
    if (!report || !report->ok) {
        return report;
    }
    const std::string version = cipher_version(db_.handle());
    if (!version.empty() && version[0] >= '4') {
        // Rows here name pages whose HMAC fails; none means every page is authentic.
        auto cipher = run_integrity_check(db_, "PRAGMA cipher_integrity_check");
        if (!cipher) {
            return cipher;
        }
        report->problems = cipher->problems;
        report->ok = cipher->problems.empty();
    }
    return report;
}

} // namespace cd::store
