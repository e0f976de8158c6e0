// What an installation says about itself, read from the executable's folder at every start
// (Windows; on Linux and macOS that folder is a system one where no such file belongs):
//   citizendesk.ini  written by the installer when an administrator passes /PLATFORM=URL:
//                    a line "platform=URL"; lines starting with ';' or '#' are comments.
//   portable(.txt)   a marker file: keep data, settings, logs and cache in the folder
//                    "CitizenDesk-data" beside the executable (the portable ZIP on a stick).
// Precedence: the command line, then the installation, then the defaults. For the platform,
// --platform or --demo > citizendesk.ini > none; for the folders, --data-dir > portable > the
// system's folders.
#pragma once

#include "app/startup_options.h"
#include "core/message.h"

#include <filesystem>
#include <string>
#include <string_view>

namespace cd::app {

inline constexpr const char* installed_settings_file_name = "citizendesk.ini";
inline constexpr const char* portable_data_folder_name = "CitizenDesk-data";

struct InstalledSettings {
    std::string platform_url;            // "" when the file or its line is missing
    std::filesystem::path source;        // the citizendesk.ini it came from
    std::filesystem::path portable_root; // set when the portable marker is present
};

// The folder of the running executable; empty when the system cannot say.
std::filesystem::path executable_dir();

InstalledSettings read_installed_settings(const std::filesystem::path& exe_dir);

// The "platform=" value of an installed-settings text ("" when absent). Tolerates what a
// hand edit in Notepad leaves: a UTF-8 byte-order mark, CRLF, spaces around '=' and the value.
std::string platform_from_settings_text(std::string_view text);

struct CompletedOptions {
    StartupOptions options;
    enum class PlatformOrigin {
        none,
        command_line,
        installed
    } platform_origin = PlatformOrigin::none;
    // An installed address the start-up rules refuse is left out rather than stopping the
    // app (a citizen cannot see a console message); this says why, for the log and --diagnose.
    Message ignored;
};

CompletedOptions complete_startup_options(const StartupOptions& command_line,
                                          const InstalledSettings& installed);

// "Platform  <address> (<where it came from>)", in --diagnose's layout, in English for support.
std::string platform_diagnostics(const CompletedOptions& completed,
                                 const InstalledSettings& installed);

} // namespace cd::app
