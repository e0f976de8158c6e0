// What the citizen chose in File > Settings, kept in settings.ini (the settings folder, beside
// the window geometry) between runs. Nothing secret or personal belongs here: the file is
// plain text. The app reads and writes its own [Settings] section and keeps every other
// section of the file (the window's [MainWindow], written by the ui) as it found it.
#pragma once

#include "app/startup_options.h"
#include "app/text_size.h"

#include <filesystem>
#include <string>

namespace cd::app {

// The kinds of desktop notification the citizen can turn off one by one.
enum class NotificationKind { applications, reports, bills, payments };

struct UserSettings {
    std::string language;    // "" = the system's; else one of supported_languages()
    TextSize text_size;      // stored as [MainWindow] text_percent, where it always was
    bool elder_mode = false; // 长辈版: large text, large targets, hotline, amounts in words
    bool elder_mode_asked = false; // the first-start question was answered once
    bool high_contrast = false;    // drawn by the a11y part's palette
    bool suggestions = true;       // the home part's local suggestions
    bool notify_applications = true;
    bool notify_reports = true;
    bool notify_bills = true;
    bool notify_payments = true;
    int idle_lock_minutes = 15; // 0 = never lock by itself
    int reminder_days = 3;      // bill reminders this many days before the due date
    std::string platform;       // "" = as installed (or none); "demo"; or an http(s) address
    std::string log_level;      // "" = info

    bool notifications_on(NotificationKind kind) const;
    friend bool operator==(const UserSettings&, const UserSettings&) = default;
};

inline constexpr const char* demo_platform_setting = "demo";

// A missing or unreadable file gives the defaults; a value out of range is brought back into
// it (a hand edit), so what is read always passes check_user_settings.
UserSettings read_user_settings(const std::filesystem::path& settings_file);
bool settings_file_exists(const std::filesystem::path& settings_file);

// Writes the settings, keeping the file's other sections and keys; false when it could not.
bool write_user_settings(const std::filesystem::path& settings_file, const UserSettings& s);

// The command line completed with what Settings chose: an option given on the command line
// wins; the language, the platform ("demo" or an address) and the log detail come from the
// settings otherwise. An installation's citizendesk.ini comes after both.
StartupOptions with_user_settings(StartupOptions command_line, const UserSettings& settings);

} // namespace cd::app
