#include "app/startup_folders.h"

#include "core/path_text.h"
#include "diag/log.h"

#include <system_error>

namespace cd::app {

Result<OpenedFolders> open_app_folders(const AppPaths& paths) {
    create_private_from_now_on();
    for (const auto& folder : owned_folders(paths)) {
        if (const std::error_code ec = create_private_folders(folder)) {
            Error e = make_error(ErrorKind::storage,
                                 "cannot create " + path_to_utf8(folder) + ": " + ec.message());
            e.user_message = msg(N_("CitizenDesk cannot create its folders. Please check "
                                    "that your disk is not full."));
            return e;
        }
    }
    auto lock = InstanceLock::acquire(paths.data_dir);
    if (!lock) {
        return lock.error();
    }
    return OpenedFolders{std::move(*lock), make_private(paths)};
}

void log_privacy_repair(const PrivacyRepair& privacy) {
    for (const auto& line : privacy.repaired) {
        diag::warn(diag::Category::app, "made private (others could read it): ", line);
    }
    for (const auto& line : privacy.failed) {
        diag::warn(diag::Category::app, "could not make private: ", line);
    }
}

} // namespace cd::app
