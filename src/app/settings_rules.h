// The limits and checks of File > Settings, shared by the dialog's presenter and the reading
// of settings.ini (a hand-edited file is held to the same rules as the dialog).
#pragma once

#include "core/message.h"

#include <optional>
#include <string>

namespace cd::app {

namespace settings_limits {
inline constexpr int idle_lock_min = 0; // never
inline constexpr int idle_lock_max = 240;
inline constexpr int reminder_days_min = 0; // on the due date only
inline constexpr int reminder_days_max = 60;
} // namespace settings_limits

// "" (follow the system) stays ""; anything else as normalize_language ("" when unknown).
std::string normalize_setting_language(const std::string& lang);

// "" (as installed), "demo", or an address the command line's --platform would accept, with
// nothing in it that would not survive a line of settings.ini. The problem, or nullopt.
std::optional<Message> check_platform_setting(const std::string& platform);

} // namespace cd::app
