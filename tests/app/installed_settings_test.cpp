#include "catch.hpp"

#include "app/installed_settings.h"
#include "temp_dir.h"

#include <fstream>

using namespace cd::app;
using Origin = CompletedOptions::PlatformOrigin;

namespace {

void write(const std::filesystem::path& file, const std::string& text) {
    std::ofstream out(file, std::ios::binary);
    out << text;
}

InstalledSettings installed_platform(std::string url) {
    InstalledSettings s;
    s.platform_url = std::move(url);
    s.source = "C:/Program Files/CitizenDesk/bin/citizendesk.ini";
    return s;
}

} // namespace

TEST_CASE("the installer's settings file gives the platform address", "[ui-logic][startup]") {
    cd::test::TempDir dir;
    // As the NSIS installer writes it, and as Notepad saves it after a hand edit.
    write(dir.path() / "citizendesk.ini", "\xEF\xBB\xBF; Written by the CitizenDesk installer\r\n"
                                          "# another comment\r\n"
                                          "  platform = https://city.example.org/api  \r\n");
    const InstalledSettings s = read_installed_settings(dir.path());
    CHECK(s.platform_url == "https://city.example.org/api");
    CHECK(s.source == dir.path() / "citizendesk.ini");
    CHECK(s.portable_root.empty());
}

TEST_CASE("no settings file, or none of its lines a platform: nothing installed",
          "[ui-logic][startup]") {
    cd::test::TempDir dir;
    CHECK(read_installed_settings(dir.path()).platform_url.empty());
    CHECK(read_installed_settings({}).platform_url.empty());
    write(dir.path() / "citizendesk.ini", ";platform=https://commented.example\nplatforms=x\n");
    const InstalledSettings s = read_installed_settings(dir.path());
    CHECK(s.platform_url.empty());
    CHECK(s.source.empty());
    CHECK(platform_from_settings_text("PLATFORM=https://a.example\nplatform=https://b.example") ==
          "https://b.example");
}

TEST_CASE("a portable marker keeps the data beside the executable", "[ui-logic][startup]") {
    cd::test::TempDir dir;
    CHECK(read_installed_settings(dir.path()).portable_root.empty());
    write(dir.path() / "portable.txt", "");
    CHECK(read_installed_settings(dir.path()).portable_root == dir.path() / "CitizenDesk-data");

    InstalledSettings portable;
    portable.portable_root = dir.path() / "CitizenDesk-data";
    CHECK(complete_startup_options({}, portable).options.data_dir ==
          (dir.path() / "CitizenDesk-data").string());
    StartupOptions own_folder;
    own_folder.data_dir = "/tmp/support-profile";
    CHECK(complete_startup_options(own_folder, portable).options.data_dir ==
          "/tmp/support-profile");
}

TEST_CASE("platform precedence: command line, then the installed setting, then none",
          "[ui-logic][startup]") {
    const InstalledSettings installed = installed_platform("https://city.example.org/api");

    const CompletedOptions from_install = complete_startup_options({}, installed);
    CHECK(from_install.platform_origin == Origin::installed);
    CHECK(from_install.options.platform_url == "https://city.example.org/api");
    const auto plan = check_startup_options(from_install.options).plan;
    REQUIRE(plan);
    CHECK(plan->platform == StartupPlan::Platform::url);
    CHECK(platform_diagnostics(from_install, installed) ==
          "Platform          https://city.example.org/api (installed setting, "
          "C:/Program Files/CitizenDesk/bin/citizendesk.ini)\n");

    StartupOptions url;
    url.platform_url = "https://other.example";
    const CompletedOptions from_cli = complete_startup_options(url, installed);
    CHECK(from_cli.platform_origin == Origin::command_line);
    CHECK(from_cli.options.platform_url == "https://other.example");

    // --demo with an installed address is the demo, not "choose one of the two".
    StartupOptions demo;
    demo.demo = true;
    const CompletedOptions demo_wins = complete_startup_options(demo, installed);
    CHECK(demo_wins.options.platform_url.empty());
    REQUIRE(check_startup_options(demo_wins.options).plan);
    CHECK(check_startup_options(demo_wins.options).plan->platform == StartupPlan::Platform::demo);
    CHECK(platform_diagnostics(demo_wins, installed) ==
          "Platform          built-in demo (command line)\n");

    const CompletedOptions nothing = complete_startup_options({}, InstalledSettings{});
    CHECK(nothing.platform_origin == Origin::none);
    CHECK(check_startup_options(nothing.options).plan->platform == StartupPlan::Platform::none);
}

TEST_CASE("an installed address the rules refuse is left out and said, not fatal",
          "[ui-logic][startup]") {
    const InstalledSettings installed = installed_platform("http://city.example.org");
    const CompletedOptions completed = complete_startup_options({}, installed);
    CHECK(completed.platform_origin == Origin::none);
    CHECK(completed.options.platform_url.empty());
    CHECK_FALSE(completed.ignored.empty());
    CHECK(check_startup_options(completed.options).plan);
    const std::string text = platform_diagnostics(completed, installed);
    CHECK(text.starts_with("Platform          none; ignored http://city.example.org from "
                           "C:/Program Files/CitizenDesk/bin/citizendesk.ini: "));
    CHECK(text.find("https://") != std::string::npos);
}

TEST_CASE("the executable's folder is the one holding this test program", "[ui-logic][startup]") {
    const std::filesystem::path dir = executable_dir();
    REQUIRE_FALSE(dir.empty());
    // app_tests on Linux, app_tests.exe on Windows (and under Wine).
    CHECK((std::filesystem::exists(dir / "app_tests") ||
           std::filesystem::exists(dir / "app_tests.exe")));
}
