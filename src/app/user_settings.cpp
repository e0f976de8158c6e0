#include "app/user_settings.h"

#include "app/settings_rules.h"
#include "core/path_text.h"
#include "diag/log.h"

#include <algorithm>
#include <cstddef>
#include <fstream>
#include <map>
#include <sstream>
#include <system_error>
#include <vector>

namespace cd::app {

namespace fs = std::filesystem;

namespace {

constexpr const char* settings_section = "Settings";
constexpr const char* window_section = "MainWindow";

// The file as lines, so that a rewrite changes only our keys: wxFileConfig (the window
// state) reads and writes the same file with the same "[Section]" / "key=value" layout.
struct IniFile {
    std::vector<std::string> lines;

    static IniFile load(const fs::path& file) {
        IniFile ini;
        std::ifstream in(file, std::ios::binary);
        std::string line;
        while (std::getline(in, line)) {
            if (!line.empty() && line.back() == '\r') {
                line.pop_back();
            }
            ini.lines.push_back(line);
        }
        return ini;
    }

    static bool is_section(const std::string& line) {
        return line.size() >= 2 && line.front() == '[' && line.back() == ']';
    }

    // [begin, end) of the section's body; begin == end == lines.size() when it is missing.
    std::pair<std::size_t, std::size_t> body(const std::string& section) const {
        const std::string header = "[" + section + "]";
        for (std::size_t i = 0; i < lines.size(); ++i) {
            if (lines[i] == header) {
                std::size_t end = i + 1;
                while (end < lines.size() && !is_section(lines[end])) {
                    ++end;
                }
                return {i + 1, end};
            }
        }
        return {lines.size(), lines.size()};
    }

    std::map<std::string, std::string> values(const std::string& section) const {
        std::map<std::string, std::string> out;
        const auto [begin, end] = body(section);
        for (std::size_t i = begin; i < end; ++i) {
            const auto eq = lines[i].find('=');
            if (eq != std::string::npos) {
                out[lines[i].substr(0, eq)] = lines[i].substr(eq + 1);
            }
        }
        return out;
    }

    void set(const std::string& section, const std::string& key, const std::string& value) {
        auto [begin, end] = body(section);
        if (begin == lines.size() && end == lines.size()) {
            if (!lines.empty() && !lines.back().empty()) {
                lines.emplace_back();
            }
            lines.push_back("[" + section + "]");
            lines.push_back(key + "=" + value);
            return;
        }
        for (std::size_t i = begin; i < end; ++i) {
            if (lines[i].starts_with(key + "=")) {
                lines[i] = key + "=" + value;
                return;
            }
        }
        // After the last non-empty line of the section, before the blank line that ends it.
        std::size_t at = end;
        while (at > begin && lines[at - 1].empty()) {
            --at;
        }
        lines.insert(lines.begin() + std::ptrdiff_t(at), key + "=" + value);
    }
};

bool read_bool(const std::map<std::string, std::string>& v, const char* key, bool fallback) {
    const auto it = v.find(key);
    if (it == v.end()) {
        return fallback;
    }
    return it->second == "1" || it->second == "true";
}

int read_int(const std::map<std::string, std::string>& v, const char* key, int fallback, int low,
             int high) {
    const auto it = v.find(key);
    if (it == v.end()) {
        return fallback;
    }
    try {
        return std::clamp(std::stoi(it->second), low, high);
    } catch (const std::exception&) {
        return fallback;
    }
}

std::string read_string(const std::map<std::string, std::string>& v, const char* key) {
    const auto it = v.find(key);
    return it == v.end() ? std::string() : it->second;
}

} // namespace

bool UserSettings::notifications_on(NotificationKind kind) const {
    switch (kind) {
    case NotificationKind::applications:
        return notify_applications;
    case NotificationKind::reports:
        return notify_reports;
    case NotificationKind::bills:
        return notify_bills;
    case NotificationKind::payments:
        return notify_payments;
    }
    return true;
}

bool settings_file_exists(const fs::path& settings_file) {
    std::error_code ec;
    return fs::exists(settings_file, ec);
}

UserSettings read_user_settings(const fs::path& settings_file) {
    UserSettings s;
    if (!settings_file_exists(settings_file)) {
        return s;
    }
    const IniFile ini = IniFile::load(settings_file);
    const auto v = ini.values(settings_section);
    const auto window = ini.values(window_section);
    s.text_size = TextSize::from_percent(read_int(window, "text_percent", 100, 0, 1000));
    s.language = normalize_setting_language(read_string(v, "language"));
    s.elder_mode = read_bool(v, "elder_mode", false);
    s.elder_mode_asked = read_bool(v, "elder_mode_asked", false);
    s.high_contrast = read_bool(v, "high_contrast", false);
    s.suggestions = read_bool(v, "suggestions", true);
    s.notify_applications = read_bool(v, "notify_applications", true);
    s.notify_reports = read_bool(v, "notify_reports", true);
    s.notify_bills = read_bool(v, "notify_bills", true);
    s.notify_payments = read_bool(v, "notify_payments", true);
    s.idle_lock_minutes = read_int(v, "idle_lock_minutes", s.idle_lock_minutes,
                                   settings_limits::idle_lock_min, settings_limits::idle_lock_max);
    s.reminder_days =
        read_int(v, "reminder_days", s.reminder_days, settings_limits::reminder_days_min,
                 settings_limits::reminder_days_max);
    s.platform = read_string(v, "platform");
    if (check_platform_setting(s.platform)) {
        diag::warn(diag::Category::app, "settings: the saved platform address is refused; ignored");
        s.platform.clear();
    }
    s.log_level = read_string(v, "log_level");
    if (!s.log_level.empty() && !diag::parse_level(s.log_level)) {
        s.log_level.clear();
    }
    return s;
}

bool write_user_settings(const fs::path& settings_file, const UserSettings& s) {
    std::error_code ec;
    fs::create_directories(settings_file.parent_path(), ec);
    IniFile ini = IniFile::load(settings_file);
    const auto flag = [](bool b) {
        return std::string(b ? "1" : "0");
    };
    ini.set(window_section, "text_percent", std::to_string(s.text_size.percent()));
    ini.set(settings_section, "language", s.language);
    ini.set(settings_section, "elder_mode", flag(s.elder_mode));
    ini.set(settings_section, "elder_mode_asked", flag(s.elder_mode_asked));
    ini.set(settings_section, "high_contrast", flag(s.high_contrast));
    ini.set(settings_section, "suggestions", flag(s.suggestions));
    ini.set(settings_section, "notify_applications", flag(s.notify_applications));
    ini.set(settings_section, "notify_reports", flag(s.notify_reports));
    ini.set(settings_section, "notify_bills", flag(s.notify_bills));
    ini.set(settings_section, "notify_payments", flag(s.notify_payments));
    ini.set(settings_section, "idle_lock_minutes", std::to_string(s.idle_lock_minutes));
    ini.set(settings_section, "reminder_days", std::to_string(s.reminder_days));
    ini.set(settings_section, "platform", s.platform);
    ini.set(settings_section, "log_level", s.log_level);

    // Written aside and renamed over: a crash never leaves half a file.
    fs::path temp = settings_file;
    temp += ".new";
    {
        std::ofstream out(temp, std::ios::binary | std::ios::trunc);
        fs::permissions(temp, fs::perms::owner_read | fs::perms::owner_write, ec);
        for (const std::string& line : ini.lines) {
            out << line << '\n';
        }
        if (!out.flush()) {
            diag::warn(diag::Category::app, "could not write the settings to ",
                       path_to_utf8(settings_file));
            return false;
        }
    }
    fs::rename(temp, settings_file, ec);
    if (ec) {
        diag::warn(diag::Category::app, "could not save the settings to ",
                   path_to_utf8(settings_file), ": ", ec.message());
        fs::remove(temp, ec);
        return false;
    }
    return true;
}

StartupOptions with_user_settings(StartupOptions options, const UserSettings& s) {
    if (options.lang.empty()) {
        options.lang = s.language;
    }
    if (options.log_level.empty()) {
        options.log_level = s.log_level;
    }
    if (!options.demo && options.platform_url.empty()) {
        if (s.platform == demo_platform_setting) {
            options.demo = true;
        } else {
            options.platform_url = s.platform;
        }
    }
    return options;
}

} // namespace cd::app
