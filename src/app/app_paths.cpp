#include "app/app_paths.h"

#include "app/system_folders.h"
#include "core/path_text.h"

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
    return [](const std::string& name) {
        return environment_utf8(name);
    };
}

namespace {

// An XDG variable counts only when set to an absolute path (XDG Base Directory spec).
fs::path xdg_dir(const EnvLookup& env, const std::string& var, const fs::path& home,
                 const fs::path& fallback) {
    if (auto v = env(var); v && path_from_utf8(*v).is_absolute()) {
        return path_from_utf8(*v);
    }
    return home / fallback;
}

fs::path home_dir(const EnvLookup& env) {
    if (auto h = env("HOME")) {
        return path_from_utf8(*h);
    }
    if (auto h = env("USERPROFILE")) {
        return path_from_utf8(*h);
    }
    return fs::temp_directory_path();
}

} // namespace

AppPaths platform_paths(Platform platform, const EnvLookup& env) {
    const fs::path home = home_dir(env);
    switch (platform) {
    case Platform::windows: {
        const auto roaming = env("APPDATA");
        const auto local = env("LOCALAPPDATA");
        return windows_paths(roaming ? path_from_utf8(*roaming) : home / "AppData" / "Roaming",
                             local ? path_from_utf8(*local) : home / "AppData" / "Local");
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

AppPaths windows_paths(const fs::path& roaming, const fs::path& local) {
    return AppPaths{local / "CitizenDesk",
                    roaming / "CitizenDesk",
                    local / "CitizenDesk" / "Logs",
                    local / "CitizenDesk" / "Cache",
                    {}};
}

AppPaths default_paths() {
    auto roaming = roaming_app_data_folder();
    auto local = local_app_data_folder();
    if (roaming && local) {
        return windows_paths(*roaming, *local);
    }
    return platform_paths(current_platform(), process_environment());
}

AppPaths paths_under(const fs::path& root) {
    const fs::path abs = fs::absolute(root);
    return AppPaths{abs / "data", abs / "config", abs / "logs", abs / "cache", abs};
}

} // namespace cd::app
