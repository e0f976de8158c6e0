// The Windows side of private_folders.h: owner-only access lists instead of modes.
#include "app/private_folders.h"

#include "core/path_text.h"
#include "store/owner_only_access.h"

#include <vector>

namespace cd::app {

namespace fs = std::filesystem;

void create_private_from_now_on() {
    // No umask on Windows: what is created takes the access list of its folder, which
    // create_private_folders and make_private make owner-only.
}

std::error_code create_private_folders(const fs::path& folder) {
    std::error_code ec;
    std::vector<fs::path> missing;
    for (fs::path p = fs::absolute(folder, ec); !ec && !p.empty() && !fs::exists(p, ec);
         p = p.parent_path()) {
        missing.push_back(p);
        if (p == p.parent_path()) {
            break;
        }
    }
    if (ec) {
        return ec;
    }
    for (auto it = missing.rbegin(); it != missing.rend(); ++it) {
        if (!store::create_owner_only_folder(*it)) {
            // The ordinary way then, whose error is the one to report; make_private repairs
            // the access list after.
            fs::create_directories(*it, ec);
            if (ec) {
                return ec;
            }
        }
    }
    return {};
}

namespace {

void repair(const fs::path& path, bool folder, PrivacyRepair& out) {
    auto before = store::read_access_list(path);
    if (!before) {
        out.failed.push_back(path_to_utf8(path) + ": " + before.error().detail);
        return;
    }
    if (before->owner_only()) {
        return;
    }
    if (auto s = store::restrict_to_owner(path, folder); !s) {
        out.failed.push_back(path_to_utf8(path) + " stays " + before->describe() + ": " +
                             s.error().detail);
        return;
    }
    out.repaired.push_back(path_to_utf8(path) + " allowed " + before->describe() +
                           ", now owner only");
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

} // namespace cd::app
