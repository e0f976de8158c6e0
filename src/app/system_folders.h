// What the operating system says about the current user: environment variables and, on
// Windows, the known folders. Values are UTF-8 (Windows reads the wide environment, so a
// Chinese user name survives), which platform_paths() turns into paths with path_from_utf8.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace cd::app {

// One environment variable as UTF-8; empty optional when unset or empty.
std::optional<std::string> environment_utf8(const std::string& name);

// Windows' FOLDERID_RoamingAppData and FOLDERID_LocalAppData (SHGetKnownFolderPath), which
// stay right when %APPDATA% is missing or redirected; empty optional elsewhere.
std::optional<std::filesystem::path> roaming_app_data_folder();
std::optional<std::filesystem::path> local_app_data_folder();

} // namespace cd::app
