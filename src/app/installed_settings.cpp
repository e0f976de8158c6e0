#include "app/installed_settings.h"

#include <cctype>
#include <fstream>
#include <sstream>
#include <system_error>

#if defined(_WIN32)
#include <windows.h>
#endif

namespace cd::app {

namespace fs = std::filesystem;

fs::path executable_dir() {
#if defined(_WIN32)
    // Wide, so that a folder with Chinese in its name survives (the ANSI API would not).
    std::wstring buffer(MAX_PATH, L'\0');
    for (;;) {
        const DWORD n = GetModuleFileNameW(nullptr, buffer.data(), DWORD(buffer.size()));
        if (n == 0) {
            return {};
        }
        if (n < buffer.size()) {
            buffer.resize(n);
            return fs::path(buffer).parent_path();
        }
        buffer.resize(buffer.size() * 2);
    }
#else
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    return ec ? fs::path() : exe.parent_path();
#endif
}

namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) {
        s.remove_prefix(1);
    }
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) {
        s.remove_suffix(1);
    }
    return s;
}

bool equals_ignoring_case(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) {
        return false;
    }
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (std::tolower(static_cast<unsigned char>(a[i])) !=
            std::tolower(static_cast<unsigned char>(b[i]))) {
            return false;
        }
    }
    return true;
}

bool is_file(const fs::path& p) {
    std::error_code ec;
    return fs::is_regular_file(p, ec);
}

} // namespace

std::string platform_from_settings_text(std::string_view text) {
    if (text.starts_with("\xEF\xBB\xBF")) {
        text.remove_prefix(3);
    }
    std::string value;
    while (!text.empty()) {
        const auto end = text.find('\n');
        const std::string_view line = trim(text.substr(0, end));
        text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
        if (line.empty() || line.front() == ';' || line.front() == '#') {
            continue;
        }
        const auto eq = line.find('=');
        if (eq != std::string_view::npos &&
            equals_ignoring_case(trim(line.substr(0, eq)), "platform")) {
            value = std::string(trim(line.substr(eq + 1))); // the last one wins, as in an .ini
        }
    }
    return value;
}

InstalledSettings read_installed_settings(const fs::path& exe_dir) {
    InstalledSettings settings;
    if (exe_dir.empty()) {
        return settings;
    }
    const fs::path file = exe_dir / installed_settings_file_name;
    if (std::ifstream in(file, std::ios::binary); in) {
        std::ostringstream text;
        text << in.rdbuf();
        settings.platform_url = platform_from_settings_text(text.str());
        if (!settings.platform_url.empty()) {
            settings.source = file;
        }
    }
    // Explorer hides extensions: "portable" made as a text document is "portable.txt".
    if (is_file(exe_dir / "portable") || is_file(exe_dir / "portable.txt")) {
        settings.portable_root = exe_dir / portable_data_folder_name;
    }
    return settings;
}

CompletedOptions complete_startup_options(const StartupOptions& command_line,
                                          const InstalledSettings& installed) {
    CompletedOptions out{command_line, CompletedOptions::PlatformOrigin::none, {}};
    if (command_line.demo || !command_line.platform_url.empty()) {
        out.platform_origin = CompletedOptions::PlatformOrigin::command_line;
    } else if (!installed.platform_url.empty()) {
        StartupOptions only_platform;
        only_platform.platform_url = installed.platform_url;
        if (auto check = check_startup_options(only_platform); check.plan) {
            out.options.platform_url = installed.platform_url;
            out.platform_origin = CompletedOptions::PlatformOrigin::installed;
        } else {
            out.ignored = check.problem;
        }
    }
    if (command_line.data_dir.empty() && !installed.portable_root.empty()) {
        const auto utf8 = installed.portable_root.u8string();
        out.options.data_dir.assign(utf8.begin(), utf8.end());
    }
    return out;
}

std::string platform_diagnostics(const CompletedOptions& completed,
                                 const InstalledSettings& installed) {
    const auto source = installed.source.u8string();
    const std::string file(source.begin(), source.end());
    std::string value;
    switch (completed.platform_origin) {
    case CompletedOptions::PlatformOrigin::command_line:
        value = (completed.options.demo ? std::string("built-in demo")
                                        : completed.options.platform_url) +
                " (command line)";
        break;
    case CompletedOptions::PlatformOrigin::installed:
        value = completed.options.platform_url + " (installed setting, " + file + ")";
        break;
    case CompletedOptions::PlatformOrigin::none:
        value = "none";
        break;
    }
    if (!completed.ignored.empty()) {
        value += "; ignored " + installed.platform_url + " from " + file + ": " +
                 format_message(completed.ignored.id, completed.ignored.args);
    }
    std::string out = "Platform" + std::string(10, ' ') + value + '\n';
    if (!installed.portable_root.empty()) {
        out += "Portable          yes (a \"portable\" file beside the executable)\n";
    }
    return out;
}

} // namespace cd::app
