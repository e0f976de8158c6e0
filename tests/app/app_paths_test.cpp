#include "catch.hpp"

#include "app/app_paths.h"

#include <map>

using namespace cd::app;
namespace fs = std::filesystem;

namespace {
EnvLookup env_of(std::map<std::string, std::string> vars) {
    return [vars](const std::string& name) -> std::optional<std::string> {
        auto it = vars.find(name);
        return it == vars.end() ? std::nullopt : std::optional<std::string>(it->second);
    };
}
} // namespace

TEST_CASE("Linux follows the XDG base directories", "[app][paths]") {
    auto p = platform_paths(Platform::linux_xdg, env_of({{"HOME", "/home/li"}}));
    CHECK(p.data_dir == fs::path("/home/li/.local/share/citizendesk"));
    CHECK(p.config_dir == fs::path("/home/li/.config/citizendesk"));
    CHECK(p.log_dir == fs::path("/home/li/.local/state/citizendesk/logs"));
    CHECK(p.cache_dir == fs::path("/home/li/.cache/citizendesk"));

    p = platform_paths(Platform::linux_xdg, env_of({{"HOME", "/home/li"},
                                                    {"XDG_STATE_HOME", "/var/li/state"},
                                                    {"XDG_CONFIG_HOME", "relative/ignored"}}));
    CHECK(p.log_dir == fs::path("/var/li/state/citizendesk/logs"));
    CHECK(p.config_dir == fs::path("/home/li/.config/citizendesk")); // relative values are ignored
}

TEST_CASE("Windows uses roaming data and local logs", "[app][paths]") {
    auto p =
        platform_paths(Platform::windows, env_of({{"APPDATA", "C:/Users/li/AppData/Roaming"},
                                                  {"LOCALAPPDATA", "C:/Users/li/AppData/Local"}}));
    CHECK(p.data_dir == fs::path("C:/Users/li/AppData/Roaming") / "CitizenDesk");
    CHECK(p.log_dir == fs::path("C:/Users/li/AppData/Local") / "CitizenDesk" / "Logs");
}

TEST_CASE("macOS uses the Library folders", "[app][paths]") {
    auto p = platform_paths(Platform::macos, env_of({{"HOME", "/Users/li"}}));
    CHECK(p.data_dir == fs::path("/Users/li/Library/Application Support/CitizenDesk"));
    CHECK(p.log_dir == fs::path("/Users/li/Library/Logs/CitizenDesk"));
}

TEST_CASE("a data folder from the command line holds everything", "[app][paths]") {
    auto p = paths_under("/tmp/profile");
    CHECK(p.data_dir == fs::path("/tmp/profile/data"));
    CHECK(p.config_dir == fs::path("/tmp/profile/config"));
    CHECK(p.log_dir == fs::path("/tmp/profile/logs"));
    CHECK(p.cache_dir == fs::path("/tmp/profile/cache"));
}
