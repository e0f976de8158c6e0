// The citizen's encrypted vault: one SQLCipher file under the OS's user data folder. Create,
// unlock, lock, change the passphrase, check integrity, back up and restore, and the way out of
// a damaged file. Lives on the store thread (see store_thread.h); the repositories (profile.h,
// payment_ledger.h, catalog_cache.h, outbox.h, preferences.h) work through connection().
//
// Errors: a wrong passphrase is ErrorKind::crypto ("The passphrase is not correct.") and
// changes nothing; a damaged or truncated file is ErrorKind::storage with the way out
// (start_over = move_aside + create, or restore_from); disk full and I/O are storage too.
#pragma once

#include "core/error.h"
#include "store/cipher_settings.h"
#include "store/connection.h"
#include "store/key_source.h"
#include "store/secret_bytes.h"
#include "store/unlock_pacing.h"

#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace cd::store {

struct VaultOptions {
    // Production: 256,000 PBKDF2 rounds. Only tests may lower it, and only through
    // insecure_fast_kdf_for_tests(); a file made that way opens only with the same option.
    int kdf_iterations = production_kdf_iterations;
    // Tests of migrations only: stop creating at this schema version (0 = latest).
    int schema_version_limit = 0;
    // PRAGMA quick_check at unlock finds damage beyond page 1 at once (measured ~120 ms for a
    // 27 MB vault of 100,000 payments); false leaves it to check_integrity().
    bool quick_check_on_unlock = true;
    // Tests only: called in the middle of a create, once the new file holds part of the vault,
    // so a test can stop the create there (by throwing) the way a crash would.
    std::function<void()> create_interrupted_for_tests;
    UnlockPacing::Clock clock;            // default steady_clock
    std::shared_ptr<PacingWaiter> waiter; // default: an InterruptibleWaiter of its own

    static VaultOptions insecure_fast_kdf_for_tests();
};

struct IntegrityReport {
    bool ok = false;
    std::vector<std::string> problems; // SQLite's own lines (page numbers, index names)
};

class Vault {
public:
    explicit Vault(VaultOptions options = {});
    ~Vault();
    Vault(const Vault&) = delete;
    Vault& operator=(const Vault&) = delete;

    // Creates a new vault file and leaves it unlocked. Refuses an existing file (never
    // overwrites) and a passphrase that breaks the minimum rules (validation). Atomic: the
    // vault is built in a temporary file beside `path` (owner-only) and renamed into place, so
    // a crash leaves either no vault or a whole one; the leftovers of an interrupted create
    // (that temporary file, or the empty file older versions left) are replaced.
    Status create(const std::filesystem::path& path, SecretBytes passphrase);

    // Opens and keys the file, checks it and brings its schema up to date. Wrong passphrase:
    // crypto error, attempt counted, and the next attempts wait longer (UnlockPacing).
    Status unlock(const std::filesystem::path& path, KeySource& key);
    Status unlock(const std::filesystem::path& path, SecretBytes passphrase);

    // Closes the connection; SQLCipher wipes its key copy. Safe to call when locked.
    void lock();
    bool is_unlocked() const { return db_.is_open(); }
    const std::filesystem::path& path() const { return path_; }

    // Checks `old_passphrase` against the file, then re-encrypts every page with the new one.
    Status change_passphrase(SecretBytes old_passphrase, SecretBytes new_passphrase);

    // PRAGMA integrity_check (and cipher_integrity_check on SQLCipher 4).
    Result<IntegrityReport> check_integrity();

    // Writes an encrypted copy (same cipher settings) keyed with `passphrase` to `destination`,
    // through a temporary file beside it and a rename.
    Status backup_to(const std::filesystem::path& destination, SecretBytes passphrase);

    // With the vault locked: checks the backup (passphrase, integrity), moves the current
    // vault file aside if there is one, and puts the backup in its place. The restored vault
    // opens with the backup's passphrase. Returns where the old file went, if anywhere.
    Result<std::optional<std::filesystem::path>>
    restore_from(const std::filesystem::path& backup, SecretBytes backup_passphrase,
                 const std::filesystem::path& vault_path);

    // The way out of a damaged vault: renames it (and its -wal/-shm) to
    // "<name>.damaged-<UTC stamp>" beside it; returns the new path. Never deletes.
    static Result<std::filesystem::path> move_aside(const std::filesystem::path& path,
                                                    std::chrono::system_clock::time_point now,
                                                    std::string_view why = "damaged");

    // The whole way out in one call: moves the file at `path` aside (move_aside) and creates a
    // new, empty vault there. Returns where the old file went.
    Result<std::filesystem::path> start_over(const std::filesystem::path& path,
                                             SecretBytes passphrase);

    // The one call that is safe from another thread while the store thread works: ends a
    // wait between passphrase attempts at once, and makes every later attempt end as
    // cancelled (shutdown).
    void interrupt_waits() { pacing_.interrupt(); }

    // Failed unlock attempts since the last success.
    int failed_attempts() const { return pacing_.failures(); }
    // The cipher settings version recorded in the open vault.
    Result<int> cipher_settings_version();

    // The connection for the repositories; an auth error while locked.
    Result<Connection*> connection();

private:
    enum class OpenMode { create, read_write, read_only };
    Result<Connection> open_keyed(const std::filesystem::path& path, const SecretBytes& passphrase,
                                  OpenMode mode) const;
    Status prepare_connection(Connection& db);
    // Writes a complete new vault into `partial` and closes it.
    Status build_new(const std::filesystem::path& partial, const SecretBytes& passphrase);

    VaultOptions options_;
    CipherSettings settings_;
    UnlockPacing pacing_;
    Connection db_;
    std::filesystem::path path_;
};

// The user-facing errors the vault gives, for callers and tests that compare ids.
Error wrong_passphrase_error(std::string detail);
Error damaged_vault_error(std::string detail);
// What an attempt gets when its wait was interrupted (the app is closing).
Error pacing_interrupted_error();

} // namespace cd::store
