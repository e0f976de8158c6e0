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

void repair_privacy(const fs::path& path, bool folder, PrivacyRepair& out) {
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

} // namespace cd::app
