#include "app/settings_rules.h"

#include "app/startup_options.h"
#include "app/user_settings.h"

namespace cd::app {

std::string normalize_setting_language(const std::string& lang) {
    return lang.empty() ? std::string() : normalize_language(lang);
}

std::optional<Message> check_platform_setting(const std::string& platform) {
    if (platform.empty() || platform == demo_platform_setting) {
        return std::nullopt;
    }
    for (const char c : platform) {
        const auto u = static_cast<unsigned char>(c);
        if (u <= 0x20 || u == 0x7f || c == '"' || c == '\\') {
            return msg(N_("The platform address must not contain spaces, quotes or "
                          "backslashes."));
        }
    }
    return check_platform_url(platform);
}

} // namespace cd::app
