#include "app/vault_service.h"

#include "diag/log.h"

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
      thread_([this](std::function<void()> continuation) { ui_.post(std::move(continuation)); }) {}

VaultService::~VaultService() {
    thread_.submit([this] { vault_->lock(); }).wait();
}

bool VaultService::exists() const {
    std::error_code ec;
    return std::filesystem::exists(path_, ec);
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
        [this]() -> int {
            vault_->lock();
            unlocked_ = false;
            return 0;
        },
        [done = std::move(done)](int) {
            if (done) {
                done();
            }
        });
}

} // namespace cd::app
