// What the citizen (or support, or a test) asked for on the command line, and the rules that
// decide whether it makes sense. The ui parses the arguments (wxCmdLineParser); the rules live
// here so they are tested headless.
#pragma once

#include "core/message.h"
#include "diag/log.h"

#include <optional>
#include <string>
#include <vector>

namespace cd::app {

struct StartupOptions {
    std::string lang;         // "" = follow the system; else one of supported_languages()
    std::string log_level;    // "" = info
    std::string platform_url; // --platform URL
    bool demo = false;        // --demo: the embedded demo platform
    std::string data_dir;     // --data-dir DIR
    bool diagnose = false;    // --diagnose: print versions and paths, exit
};

// What the options resolve to once checked.
struct StartupPlan {
    std::string lang;
    diag::Level log_level = diag::Level::info;
    enum class Platform { none, demo, url } platform = Platform::none;
    std::string platform_url;
    std::string data_dir;
    bool diagnose = false;
};

// Languages with a catalog in i18n/ (plus English, the source language).
const std::vector<std::string>& supported_languages();

// "zh-CN", "zh_cn", "zh_CN.UTF-8" -> "zh_CN"; "" if not supported.
std::string normalize_language(std::string_view lang);

// Accepts http(s)://host[:port][/path]; plain http only to this computer, because anything
// else would send the citizen's data unencrypted. The problem in words, or nullopt.
std::optional<Message> check_platform_url(std::string_view url);

struct StartupCheck {
    std::optional<StartupPlan> plan;
    Message problem; // set when plan is empty, in words for the command line
};

StartupCheck check_startup_options(const StartupOptions& options);

} // namespace cd::app
