#include "app/vault_service.h"

#include "diag/log.h"
#include "store/vault_files.h"

#include <system_error>

namespace cd::app {

Error vault_locked_error() {
    Error error = make_error(ErrorKind::auth, "vault is locked");
    error.user_message =
        msg(N_("Your private data is locked. Unlock it first (File > Unlock My Data)."));
    return error;
}

VaultService::VaultService(Dispatcher& ui, std::filesystem::path path, store::VaultOptions options)
    : ui_(ui), path_(std::move(path)), vault_(std::make_unique<store::Vault>(std::move(options))),
      // An answer still queued for the UI thread when the service closes is dropped: the code
      // waiting for it may hold references to parts of the app that closed with it.
      thread_([this](std::function<void()> continuation) {
          ui_.post(lifetime_.guard(std::move(continuation)));
      }) {}

VaultService::~VaultService() {
    // An unlock may be waiting out the pause after wrong passphrases (up to a minute): end it,
    // and any queued attempt, so closing the app does not hang behind it.
    vault_->interrupt_waits();
    thread_.submit([this] { vault_->lock(); }).wait();
}

bool VaultService::exists() const {
    return store::vault_file_present(path_);
}

void VaultService::create(store::SecretBytes passphrase, std::function<void(Status)> done) {
    thread_.post(
        [this, secret = std::make_shared<store::SecretBytes>(std::move(passphrase))]() -> Status {
            std::error_code ec;
            std::filesystem::create_directories(path_.parent_path(), ec);
            Status status = vault_->create(path_, std::move(*secret));
            unlocked_ = vault_->is_unlocked();
            return status;
        },
        std::move(done));
}

void VaultService::unlock(store::SecretBytes passphrase, std::function<void(Status)> done) {
    thread_.post(
        [this, secret = std::make_shared<store::SecretBytes>(std::move(passphrase))]() -> Status {
            Status status = vault_->unlock(path_, std::move(*secret));
            unlocked_ = vault_->is_unlocked();
            if (!status.ok()) {
                diag::warn(diag::Category::store,
                           "vault unlock failed: ", status.error().log_line());
            }
            return status;
        },
        std::move(done));
}

void VaultService::lock(std::function<void()> done) {
    thread_.post(
        [this]() -> Status {
            vault_->lock();
            unlocked_ = false;
            return Done{};
        },
        [done = std::move(done)](const Status&) {
            if (done) {
                done();
            }
        });
}

void VaultService::start_over(
    store::SecretBytes passphrase,
    std::function<void(Result<std::optional<std::filesystem::path>>)> done) {
    thread_.post(
        [this, secret = std::make_shared<store::SecretBytes>(
                   std::move(passphrase))]() -> Result<std::optional<std::filesystem::path>> {
            vault_->lock();
            unlocked_ = false;
            std::error_code ec;
            if (!std::filesystem::exists(path_, ec)) {
                std::filesystem::create_directories(path_.parent_path(), ec);
                Status created = vault_->create(path_, std::move(*secret));
                unlocked_ = vault_->is_unlocked();
                if (!created.ok()) {
                    return created.error();
                }
                return std::optional<std::filesystem::path>();
            }
            auto aside = vault_->start_over(path_, std::move(*secret));
            unlocked_ = vault_->is_unlocked();
            if (!aside.ok()) {
                diag::warn(diag::Category::store,
                           "starting over with a new vault failed: ", aside.error().log_line());
                return aside.error();
            }
            diag::info(diag::Category::store, "started over with a new vault");
            return std::optional<std::filesystem::path>(*aside);
        },
        std::move(done));
}

void VaultService::restore(std::filesystem::path backup, store::SecretBytes passphrase,
                           std::function<void(Result<std::optional<std::filesystem::path>>)> done) {
    thread_.post(
        [this, backup = std::move(backup),
         secret = std::make_shared<store::SecretBytes>(
             std::move(passphrase))]() -> Result<std::optional<std::filesystem::path>> {
            vault_->lock();
            unlocked_ = false;
            // The restored file opens with the backup's passphrase: a second wiped copy for
            // the unlock after the restore (restore_from wipes the first).
            store::SecretBytes again(secret->view());
            auto aside = vault_->restore_from(backup, std::move(*secret), path_);
            if (!aside.ok()) {
                diag::warn(diag::Category::store,
                           "restoring from a backup failed: ", aside.error().log_line());
                return aside.error();
            }
            Status opened = vault_->unlock(path_, std::move(again));
            unlocked_ = vault_->is_unlocked();
            if (!opened.ok()) {
                return opened.error();
            }
            return aside;
        },
        std::move(done));
}

} // namespace cd::app
