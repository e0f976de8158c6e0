// Windows only. What 0700 and 0600 are on POSIX: an access list (DACL) that lets the current
// user in and no one else - not administrators, not SYSTEM - protected from inheritance, so
// the user profile's entries do not flow in. A folder's entry is inherited by what is created
// in it, which is how the vault, its -wal and -shm, the log and the lock file become
// owner-only without each being created specially (Windows has no umask).
#pragma once

#include "core/error.h"

#include <filesystem>
#include <string>
#include <vector>

namespace cd::store {

// An access list as read back, for deciding whether to repair it, for the log and for tests.
struct AccessList {
    bool null_dacl = false;          // no list at all: everyone may do anything
    bool is_protected = false;       // does not inherit from the parent folder
    std::vector<std::string> others; // SIDs (S-1-...) other than the user that an entry allows
    int owner_entries = 0;           // entries that allow the current user
    bool unknown_entries = false;    // entry types this code does not read (object, callback)

    bool owner_only() const { return !null_dacl && others.empty() && !unknown_entries; }
    std::string describe() const; // "owner only" or "also S-1-5-32-544, S-1-5-18"
};

// The current user's SID as text (S-1-5-21-...).
Result<std::string> current_user_sid();

Result<AccessList> read_access_list(const std::filesystem::path& path);

// Replaces the path's access list with the owner-only one (folders: inherited by children).
Status restrict_to_owner(const std::filesystem::path& path, bool folder);

// Creates one folder with the owner-only list from the start; an existing folder is left as
// it is (Done).
Status create_owner_only_folder(const std::filesystem::path& path);

// Creates a new file with the owner-only list from the start; refuses an existing one.
Status create_owner_only_file(const std::filesystem::path& path);

} // namespace cd::store
