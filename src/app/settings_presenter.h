// File > Settings: shows what is saved, checks what the citizen changed (an address the
// command line would refuse, minutes or days out of range) and saves it to settings.ini; the
// window then applies what changed at once (language, text size, elder mode) and says what
// waits for the next start (the platform address, the log detail).
#pragma once

#include "app/user_settings.h"
#include "core/message.h"

#include <filesystem>
#include <functional>
#include <optional>

namespace cd::app {

struct AppContext;

enum class SettingsField { language, platform, idle_lock_minutes, reminder_days, log_level };

class SettingsView {
public:
    virtual ~SettingsView() = default;
    virtual void show_settings(const UserSettings& settings) = 0;
    // One problem at a time, beside its field; an empty message clears it.
    virtual void show_problem(std::optional<SettingsField> field, const Message& problem) = 0;
};

struct SettingsProblem {
    SettingsField field;
    Message problem;
};

class SettingsPresenter {
public:
    // applied(before, after) runs after a successful save, for the window to follow.
    using Applied = std::function<void(const UserSettings& before, const UserSettings& after)>;

    SettingsPresenter(SettingsView& view, std::filesystem::path settings_file,
                      Applied applied = {});

    void load(); // reads the file and shows it
    const UserSettings& saved() const { return saved_; }

    // False (and the problem shown) when something is refused; nothing is saved then.
    bool save(const UserSettings& edited);

    static std::optional<SettingsProblem> check(const UserSettings& s);
    // What only the next start can apply: the platform and the log detail are chosen before
    // any window exists.
    static bool needs_restart(const UserSettings& before, const UserSettings& after);

private:
    SettingsView& view_;
    std::filesystem::path file_;
    Applied applied_;
    UserSettings saved_;
};

// The first-start question (长辈版 or not) is asked once, to a new citizen: nobody has
// answered it, and this computer has no settings from an earlier run.
bool should_ask_elder_mode(const UserSettings& settings, bool settings_existed_at_start);

// Records the answer (and that it was given) in the settings file.
void answer_elder_question(const std::filesystem::path& settings_file, bool elder_mode);

// The bill reminders read their days from the vault (Preferences "payments.reminder_days");
// a saved value goes there too when the vault is open.
void push_reminder_days(AppContext& context, int days);

} // namespace cd::app
