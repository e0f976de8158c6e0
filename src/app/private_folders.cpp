#include "app/private_folders.h"

#include <algorithm>
#include <cstdio>
#include <system_error>

#if !defined(_WIN32)
#include <sys/stat.h>
#endif

namespace cd::app {

namespace fs = std::filesystem;

std::vector<fs::path> owned_folders(const AppPaths& paths) {
    std::vector<fs::path> out;
    auto add = [&out](const fs::path& p) {
        if (!p.empty() && std::find(out.begin(), out.end(), p) == out.end()) {
            out.push_back(p);
        }
    };
    add(paths.root);
    const fs::path four[] = {paths.data_dir, paths.config_dir, paths.log_dir, paths.cache_dir};
    if (paths.root.empty()) {
        // ~/.local/state/citizendesk/logs: a parent named like the data folder is ours too.
        for (const fs::path& p : four) {
            if (p.parent_path().filename() == paths.data_dir.filename()) {
                add(p.parent_path());
            }
        }
    }
    for (const fs::path& p : four) {
        add(p);
    }
    return out;
}

#if defined(_WIN32)

void create_private_from_now_on() {}

PrivacyRepair make_private(const AppPaths&) {
    // Not supported: an explicit owner-only DACL (SetNamedSecurityInfoW) is not written here.
    return PrivacyRepair{{},
                         {"owner-only access lists are not set on Windows; the folders keep "
                          "the user profile's inherited ones"}};
}

#else

void create_private_from_now_on() {
    ::umask(077);
}

namespace {

std::string octal(mode_t mode) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "%04o", static_cast<unsigned>(mode & 07777));
    return buf;
}

// Only group and other rights are wrong; a path that has none is left as it is.
void repair(const fs::path& path, bool folder, PrivacyRepair& out) {
    struct stat st {};
    if (::lstat(path.c_str(), &st) != 0 || S_ISLNK(st.st_mode) || (st.st_mode & 077) == 0) {
        return;
    }
    const mode_t wanted = folder ? 0700 : 0600;
    if (::chmod(path.c_str(), wanted) != 0) {
        out.failed.push_back(path.string() + " stays " + octal(st.st_mode));
        return;
    }
    out.repaired.push_back(path.string() + " was " + octal(st.st_mode) + ", now " + octal(wanted));
}

} // namespace

PrivacyRepair make_private(const AppPaths& paths) {
    PrivacyRepair out;
    for (const fs::path& folder : owned_folders(paths)) {
        std::error_code ec;
        if (!fs::is_directory(folder, ec) || fs::is_symlink(folder, ec)) {
            continue;
        }
        repair(folder, true, out);
        for (auto it = fs::recursive_directory_iterator(
                 folder, fs::directory_options::skip_permission_denied, ec);
             !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
            const auto status = it->symlink_status(ec);
            if (ec || fs::is_symlink(status)) {
                continue;
            }
            repair(it->path(), fs::is_directory(status), out);
        }
    }
    return out;
}

#endif

} // namespace cd::app
