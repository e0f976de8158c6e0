#include "app/private_folders.h"

#include <algorithm>

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

PrivacyRepair make_private(const AppPaths& paths) {
    PrivacyRepair out;
    for (const fs::path& folder : owned_folders(paths)) {
        std::error_code ec;
        if (!fs::is_directory(folder, ec) || fs::is_symlink(folder, ec)) {
            continue;
        }
        repair_privacy(folder, true, out);
        for (auto it = fs::recursive_directory_iterator(
                 folder, fs::directory_options::skip_permission_denied, ec);
             !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
            const auto status = it->symlink_status(ec);
            if (ec || fs::is_symlink(status)) {
                continue;
            }
            repair_privacy(it->path(), fs::is_directory(status), out);
        }
    }
    return out;
}

} // namespace cd::app
