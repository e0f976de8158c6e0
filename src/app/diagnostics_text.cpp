#include "app/diagnostics_text.h"

#include "app/build_info.h"
#include "core/path_text.h"

namespace cd::app {

std::string diagnostics_text(const LibraryVersions& v, const AppPaths& p) {
    std::string out;
    auto line = [&out](std::string_view key, std::string_view value) {
        out.append(key);
        out.append(key.size() < 18 ? 18 - key.size() : 1, ' ');
        out.append(value);
        out += '\n';
    };
    line("CitizenDesk", build::version);
    line("Build", std::string(build::build_type) + ", " + build::compiler);
    line("Built for", build::system);
    line("Toolkit", v.wx);
    line("HTTP", v.curl);
    line("Vault", v.sqlcipher);
    line("JSON", v.boost);
    line("Data folder", path_to_utf8(p.data_dir));
    line("Settings folder", path_to_utf8(p.config_dir));
    line("Log folder", path_to_utf8(p.log_dir));
    line("Cache folder", path_to_utf8(p.cache_dir));
    return out;
}

} // namespace cd::app
