#include "app/app_paths.h"

#include <cstdlib>

namespace cd::app {

namespace fs = std::filesystem;

Platform current_platform() {
#if defined(_WIN32)
    return Platform::windows;
#elif defined(__APPLE__)
    return Platform::macos;
#else
    return Platform::linux_xdg;
#endif
}

EnvLookup process_environment() {
    return [](const std::string& name) -> std::optional<std::string> {
        const char* value = std::getenv(name.c_str());
        if (value == nullptr || *value == '\0') {
            return std::nullopt;
        }
        return std::string(value);
    };
}

namespace {

// An XDG variable counts only when set to an absolute path (XDG Base Directory spec).
fs::path xdg_dir(const EnvLookup& env, const std::string& var, const fs::path& home,
                 const fs::path& fallback) {
    if (auto v = env(var); v && fs::path(*v).is_absolute()) {
        return fs::path(*v);
    }
    return home / fallback;
}

fs::path home_dir(const EnvLookup& env) {
    if (auto h = env("HOME")) {
        return fs::path(*h);
    }
    if (auto h = env("USERPROFILE")) {
        return fs::path(*h);
    }
    return fs::temp_directory_path();
}

} // namespace

AppPaths platform_paths(Platform platform, const EnvLookup& env) {
    const fs::path home = home_dir(env);
    switch (platform) {
    case Platform::windows: {
        const fs::path roaming = env("APPDATA").value_or((home / "AppData" / "Roaming").string());
        const fs::path local = env("LOCALAPPDATA").value_or((home / "AppData" / "Local").string());
        return AppPaths{roaming / "CitizenDesk",
                        roaming / "CitizenDesk",
                        local / "CitizenDesk" / "Logs",
                        local / "CitizenDesk" / "Cache",
                        {}};
    }
    case Platform::macos: {
        const fs::path lib = home / "Library";
        return AppPaths{lib / "Application Support" / "CitizenDesk",
                        lib / "Preferences" / "CitizenDesk",
                        lib / "Logs" / "CitizenDesk",
                        lib / "Caches" / "CitizenDesk",
                        {}};
    }
    case Platform::linux_xdg:
        break;
    }
    return AppPaths{
        xdg_dir(env, "XDG_DATA_HOME", home, ".local/share") / "citizendesk",
        xdg_dir(env, "XDG_CONFIG_HOME", home, ".config") / "citizendesk",
        xdg_dir(env, "XDG_STATE_HOME", home, ".local/state") / "citizendesk" / "logs",
        xdg_dir(env, "XDG_CACHE_HOME", home, ".cache") / "citizendesk",
        {},
    };
}

AppPaths paths_under(const fs::path& root) {
    const fs::path abs = fs::absolute(root);
    return AppPaths{abs / "data", abs / "config", abs / "logs", abs / "cache", abs};
}

} // namespace cd::app
