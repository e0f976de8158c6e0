// The app's handle on the citizen's vault: the Vault object lives on the store thread and every
// job (create, unlock, any repository call) runs there; results come back on the UI thread
// through the Dispatcher. Presenters hold a VaultService& and never touch SQLCipher themselves.
// While the vault is locked, run() answers with an auth error ("Unlock your data first").
#pragma once

#include "app/dispatcher.h"
#include "core/error.h"
#include "store/secret_bytes.h"
#include "store/store_thread.h"
#include "store/vault.h"

#include <atomic>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <utility>

namespace cd::app {

// The error every vault job gets while the vault is locked.
Error vault_locked_error();

class VaultService {
public:
    // `ui` must outlive the service. `path`: the vault file (it may not exist yet).
    VaultService(Dispatcher& ui, std::filesystem::path path, store::VaultOptions options = {});
    // Ends a wait between passphrase attempts at once (later attempts end as cancelled),
    // finishes queued jobs, locks the vault and joins the store thread.
    ~VaultService();
    VaultService(const VaultService&) = delete;
    VaultService& operator=(const VaultService&) = delete;

    const std::filesystem::path& path() const { return path_; }
    // Whether there is a vault to unlock (a cheap stat; fine on the UI thread). The empty file
    // an interrupted create left does not count: creating replaces it.
    bool exists() const;
    // Last known state, as seen from the UI thread (updated when create/unlock/lock finish).
    bool unlocked() const { return unlocked_.load(); }

    void create(store::SecretBytes passphrase, std::function<void(Status)> done);
    void unlock(store::SecretBytes passphrase, std::function<void(Status)> done);
    void lock(std::function<void()> done = {});

    // The ways out of a damaged or unreadable vault; both lock first and leave the vault
    // unlocked when they succeed, and neither deletes anything.
    // Moves the vault file aside and creates a new, empty vault; `done` gets where the old file
    // went (none when there was no file).
    void start_over(store::SecretBytes passphrase,
                    std::function<void(Result<std::optional<std::filesystem::path>>)> done);
    // Checks `backup` with its passphrase, moves the vault file aside (if any), puts the backup
    // in its place and unlocks it with that passphrase; `done` gets where the old file went.
    void restore(std::filesystem::path backup, store::SecretBytes passphrase,
                 std::function<void(Result<std::optional<std::filesystem::path>>)> done);

    // Runs job(vault) on the store thread when the vault is unlocked; `done` gets its result on
    // the UI thread. job returns Result<R> (or Status).
    template <class R>
    void run(std::function<Result<R>(store::Vault&)> job, std::function<void(Result<R>)> done) {
        thread_.post(
            [this, job = std::move(job)]() -> Result<R> {
                if (!vault_->is_unlocked()) {
                    return vault_locked_error();
                }
                return job(*vault_);
            },
            std::move(done));
    }

    // For tests and shutdown paths: runs job on the store thread and waits for it.
    template <class Job> auto run_and_wait(Job job) {
        return thread_.submit([this, job = std::move(job)]() mutable { return job(*vault_); })
            .get();
    }

private:
    Dispatcher& ui_;
    std::filesystem::path path_;
    std::unique_ptr<store::Vault> vault_; // used on the store thread only
    std::atomic<bool> unlocked_{false};
    Lifetime lifetime_;         // outlives the store thread: its last answers are still guarded
    store::StoreThread thread_; // last: its jobs use the members above
};

} // namespace cd::app
