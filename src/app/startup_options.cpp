#include "app/startup_options.h"

#include <algorithm>
#include <cctype>

namespace cd::app {

const std::vector<std::string>& supported_languages() {
    static const std::vector<std::string> langs{"en", "zh_CN"};
    return langs;
}

std::string normalize_language(std::string_view lang) {
    std::string s(lang.substr(0, lang.find('.'))); // drop ".UTF-8"
    std::replace(s.begin(), s.end(), '-', '_');
    const auto sep = s.find('_');
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        s[i] = static_cast<char>(sep != std::string::npos && i > sep ? std::toupper(c)
                                                                     : std::tolower(c));
    }
    if (s.starts_with("en")) {
        return "en";
    }
    const auto& langs = supported_languages();
    return std::find(langs.begin(), langs.end(), s) != langs.end() ? s : std::string();
}

namespace {

bool is_loopback_host(std::string_view host) {
    return host == "localhost" || host.starts_with("127.") || host == "[::1]";
}

} // namespace

std::optional<Message> check_platform_url(std::string_view url) {
    std::string_view rest;
    bool tls = false;
    if (url.starts_with("https://")) {
        rest = url.substr(8);
        tls = true;
    } else if (url.starts_with("http://")) {
        rest = url.substr(7);
    } else {
        return msg(N_("The platform address must start with https:// (given: {0})."),
                   {std::string(url)});
    }
    std::string_view authority = rest.substr(0, rest.find('/'));
    if (authority.find('@') != std::string_view::npos) {
        return msg(N_("The platform address must not contain a user name or password."));
    }
    std::string_view host = authority;
    if (host.starts_with("[")) {
        host = host.substr(0, host.find(']') + 1);
    } else {
        host = host.substr(0, host.find(':'));
    }
    if (host.empty() || host == "[") {
        return msg(N_("The platform address has no host name (given: {0})."), {std::string(url)});
    }
    if (!tls && !is_loopback_host(host)) {
        return msg(N_("The platform address must use https:// unless it is on this computer "
                      "(given: {0})."),
                   {std::string(url)});
    }
    return std::nullopt;
}

StartupCheck check_startup_options(const StartupOptions& o) {
    StartupPlan plan;
    if (!o.lang.empty()) {
        plan.lang = normalize_language(o.lang);
        if (plan.lang.empty()) {
            return {std::nullopt,
                    msg(N_("Unknown language \"{0}\". Available: en, zh_CN."), {o.lang})};
        }
    }
    if (!o.log_level.empty()) {
        auto level = diag::parse_level(o.log_level);
        if (!level) {
            return {std::nullopt,
                    msg(N_("Unknown log level \"{0}\". Use one of: trace, debug, info, "
                           "warn, error."),
                        {o.log_level})};
        }
        plan.log_level = *level;
    }
    if (o.demo && !o.platform_url.empty()) {
        return {std::nullopt, msg(N_("Choose either --demo or --platform, not both."))};
    }
    if (!o.platform_url.empty()) {
        if (auto problem = check_platform_url(o.platform_url)) {
            return {std::nullopt, *problem};
        }
        plan.platform = StartupPlan::Platform::url;
        plan.platform_url = o.platform_url;
    } else if (o.demo) {
        plan.platform = StartupPlan::Platform::demo;
    }
    plan.data_dir = o.data_dir;
    plan.diagnose = o.diagnose;
    return {plan, {}};
}

} // namespace cd::app
