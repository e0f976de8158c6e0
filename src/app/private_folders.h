// The citizen's folders and files are theirs alone: another account on the same computer must
// not read the vault, the settings, the log or the demo platform's database. Files are created
// owner-only (umask 077; SQLite gives its -wal and -shm files the main file's mode), folders
// 0700, and whatever an older version or a copy left readable to others is repaired at start.
// Windows has no modes: the folders get an access list that allows the user alone (not the
// administrators and SYSTEM entries the user profile would pass on), protected from
// inheritance and inherited by everything created in them (store/owner_only_access.h).
#pragma once

#include "app/app_paths.h"

#include <string>
#include <system_error>
#include <vector>

namespace cd::app {

// From now on, what this process creates is readable and writable by its owner only (umask;
// nothing on Windows, where a file takes its folder's access list).
void create_private_from_now_on();

// Creates the folder and its missing parents, owner-only from the start.
std::error_code create_private_folders(const std::filesystem::path& folder);

// The folders the app owns: the four, their "citizendesk" parent where one exists (the log
// and cache folders sit below one on Linux and Windows) and --data-dir's folder.
std::vector<std::filesystem::path> owned_folders(const AppPaths& paths);

struct PrivacyRepair {
    std::vector<std::string> repaired; // one line per path made private, for the log
    std::vector<std::string> failed;   // one line per path that could not be
};

// Makes each owned folder 0700 and everything inside it (folders 0700, files 0600), without
// following symbolic links; on Windows, gives each path that allows anyone else the owner-only
// access list. The folders must exist.
PrivacyRepair make_private(const AppPaths& paths);

// Per system (private_folders_posix.cpp, _win.cpp): makes one path owner-only if it lets anyone
// else in, noting what it changed or could not change. make_private walks the folders with it.
void repair_privacy(const std::filesystem::path& path, bool folder, PrivacyRepair& out);

} // namespace cd::app
