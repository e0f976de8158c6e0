// What start-up does with the app's folders before anything is opened in them: from here on
// files are created owner-only, the folders exist (0700), this process holds the data folder's
// instance lock, and what others could read has been made private. The vault, the log and the
// demo platform open only after this succeeds, so a second copy touches none of them.
#pragma once

#include "app/app_paths.h"
#include "app/instance_lock.h"
#include "app/private_folders.h"
#include "core/error.h"

namespace cd::app {

struct OpenedFolders {
    InstanceLock lock; // keep for the life of the process
    PrivacyRepair privacy;
};

// ErrorKind::conflict (already_running_error) when another copy uses the data folder;
// ErrorKind::storage when a folder cannot be created or locked.
Result<OpenedFolders> open_app_folders(const AppPaths& paths);

// Logs the repair (after the log file is open, which needs the lock first).
void log_privacy_repair(const PrivacyRepair& privacy);

} // namespace cd::app
