#include "catch.hpp"

#include "app/app_paths.h"
#include "core/path_text.h"

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

TEST_CASE("Windows keeps settings roaming and the vault, logs and cache on this computer",
          "[app][paths]") {
    auto p =
        platform_paths(Platform::windows, env_of({{"APPDATA", "C:/Users/li/AppData/Roaming"},
                                                  {"LOCALAPPDATA", "C:/Users/li/AppData/Local"}}));
    CHECK(p.config_dir == fs::path("C:/Users/li/AppData/Roaming") / "CitizenDesk");
    CHECK(p.data_dir == fs::path("C:/Users/li/AppData/Local") / "CitizenDesk");
    CHECK(p.log_dir == fs::path("C:/Users/li/AppData/Local") / "CitizenDesk" / "Logs");
    CHECK(p.cache_dir == fs::path("C:/Users/li/AppData/Local") / "CitizenDesk" / "Cache");
}

TEST_CASE("a Chinese user name in the environment reaches the paths unchanged", "[app][paths]") {
    // 李小梅, as UTF-8: the environment is read wide on Windows and passed on as UTF-8.
    const std::string home = "/home/\xE6\x9D\x8E\xE5\xB0\x8F\xE6\xA2\x85";
    auto p = platform_paths(Platform::linux_xdg, env_of({{"HOME", home}}));
    CHECK(cd::path_to_utf8(p.data_dir) == home + "/.local/share/citizendesk");
    const std::string local = "C:/Users/\xE6\x9D\x8E\xE5\xB0\x8F\xE6\xA2\x85/AppData/Local";
    p = platform_paths(Platform::windows, env_of({{"APPDATA", "C:/Users/li/AppData/Roaming"},
                                                  {"LOCALAPPDATA", local}}));
    CHECK(p.data_dir.parent_path() == cd::path_from_utf8(local));
}

TEST_CASE("this process's folders are absolute and in the places of its OS", "[app][paths]") {
    const AppPaths p = default_paths();
    CHECK(p.data_dir.is_absolute());
    CHECK(p.config_dir.is_absolute());
    CHECK(p.root.empty());
#if defined(_WIN32)
    // From the known folders, whatever %APPDATA% says.
    CHECK(p.data_dir.filename() == "CitizenDesk");
    CHECK(p.log_dir == p.data_dir / "Logs");
    CHECK(p.config_dir.parent_path().filename() == "Roaming");
#elif !defined(__APPLE__)
    CHECK(p.data_dir.filename() == "citizendesk");
#endif
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
