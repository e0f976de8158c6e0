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

} // namespace cd::app
