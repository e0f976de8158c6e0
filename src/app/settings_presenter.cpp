#include "app/settings_presenter.h"

#include "app/app_context.h"
#include "app/bill_reminders.h"
#include "app/settings_rules.h"
#include "diag/log.h"
#include "store/preferences.h"

#include <string>
#include <utility>

namespace cd::app {

SettingsPresenter::SettingsPresenter(SettingsView& view, std::filesystem::path settings_file,
                                     Applied applied)
    : view_(view), file_(std::move(settings_file)), applied_(std::move(applied)) {}

void SettingsPresenter::load() {
    saved_ = read_user_settings(file_);
    view_.show_settings(saved_);
    view_.show_problem(std::nullopt, {});
}

std::optional<SettingsProblem> SettingsPresenter::check(const UserSettings& s) {
    if (!s.language.empty() && normalize_setting_language(s.language) != s.language) {
        return SettingsProblem{
            SettingsField::language,
            msg(N_("Unknown language \"{0}\". Available: en, zh_CN."), {s.language})};
    }
    if (auto problem = check_platform_setting(s.platform)) {
        return SettingsProblem{SettingsField::platform, *problem};
    }
    if (s.idle_lock_minutes < settings_limits::idle_lock_min ||
        s.idle_lock_minutes > settings_limits::idle_lock_max) {
        return SettingsProblem{SettingsField::idle_lock_minutes,
                               msg(N_("Lock after {0} to {1} minutes without use (0: never)."),
                                   {std::to_string(settings_limits::idle_lock_min),
                                    std::to_string(settings_limits::idle_lock_max)})};
    }
    if (s.reminder_days < settings_limits::reminder_days_min ||
        s.reminder_days > settings_limits::reminder_days_max) {
        return SettingsProblem{SettingsField::reminder_days,
                               msg(N_("Remind {0} to {1} days before a bill is due."),
                                   {std::to_string(settings_limits::reminder_days_min),
                                    std::to_string(settings_limits::reminder_days_max)})};
    }
    if (!s.log_level.empty() && !diag::parse_level(s.log_level)) {
        return SettingsProblem{SettingsField::log_level,
                               msg(N_("Unknown log level \"{0}\". Use one of: trace, debug, "
                                      "info, warn, error."),
                                   {s.log_level})};
    }
    return std::nullopt;
}

bool SettingsPresenter::needs_restart(const UserSettings& before, const UserSettings& after) {
    return before.platform != after.platform || before.log_level != after.log_level;
}

bool SettingsPresenter::save(const UserSettings& edited) {
    if (auto problem = check(edited)) {
        view_.show_problem(problem->field, problem->problem);
        return false;
    }
    if (!write_user_settings(file_, edited)) {
        view_.show_problem(std::nullopt,
                           msg(N_("The settings could not be saved. Check that the settings "
                                  "folder can be written to.")));
        return false;
    }
    view_.show_problem(std::nullopt, {});
    const UserSettings before = std::exchange(saved_, edited);
    diag::info(diag::Category::app, "settings saved");
    if (applied_) {
        applied_(before, saved_);
    }
    return true;
}

bool should_ask_elder_mode(const UserSettings& settings, bool settings_existed_at_start) {
    return !settings.elder_mode_asked && !settings_existed_at_start;
}

void answer_elder_question(const std::filesystem::path& settings_file, bool elder_mode) {
    UserSettings s = read_user_settings(settings_file);
    s.elder_mode = elder_mode;
    s.elder_mode_asked = true;
    write_user_settings(settings_file, s);
}

void push_reminder_days(AppContext& context, int days) {
    if (!context.vault.unlocked()) {
        return; // read from settings.ini again at the next save; the vault keeps its own
    }
    context.vault.run<bool>(
        [days](store::Vault& v) -> Result<bool> {
            store::Preferences prefs(v);
            if (auto set = prefs.set(reminder_days_key, std::to_string(days)); !set.ok()) {
                return set.error();
            }
            return true;
        },
        [](Result<bool> done) {
            if (!done.ok()) {
                diag::warn(diag::Category::app, "could not keep the reminder days in the vault");
            }
        });
}

} // namespace cd::app
