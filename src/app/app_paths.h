// Where CitizenDesk keeps its data (the vault), settings, logs and cache on each OS:
//  Linux   XDG base directories: $XDG_DATA_HOME/citizendesk, $XDG_CONFIG_HOME/citizendesk,
//          $XDG_STATE_HOME/citizendesk/logs, $XDG_CACHE_HOME/citizendesk
//  Windows %APPDATA%\CitizenDesk (settings, which may roam with the profile),
//          %LOCALAPPDATA%\CitizenDesk (the vault: a database with a lock and a WAL must not be
//          copied between computers by a roaming profile), its Logs and Cache folders
//  macOS   ~/Library/Application Support/CitizenDesk, ~/Library/Preferences/CitizenDesk,
//          ~/Library/Logs/CitizenDesk, ~/Library/Caches/CitizenDesk
// --data-dir DIR puts all four under DIR, so tests and support can use a throw-away profile.
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>

namespace cd::app {

struct AppPaths {
    std::filesystem::path data_dir;
    std::filesystem::path config_dir;
    std::filesystem::path log_dir;
    std::filesystem::path cache_dir;
    std::filesystem::path root; // --data-dir's folder, which holds the four; empty otherwise
};

enum class Platform { linux_xdg, windows, macos };

// Reads one environment variable as UTF-8; empty optional when unset.
using EnvLookup = std::function<std::optional<std::string>(const std::string&)>;

Platform current_platform();
EnvLookup process_environment();

// The paths for a platform, from its environment (testable for every OS on any OS).
AppPaths platform_paths(Platform platform, const EnvLookup& env);

// Windows' layout under the roaming and local application data folders.
AppPaths windows_paths(const std::filesystem::path& roaming, const std::filesystem::path& local);

// This process's paths: on Windows from the known folders (the environment only when they
// cannot be read), elsewhere from the environment.
AppPaths default_paths();

// Everything under one folder (--data-dir; from the command line as UTF-8, path_from_utf8).
AppPaths paths_under(const std::filesystem::path& root);

} // namespace cd::app
