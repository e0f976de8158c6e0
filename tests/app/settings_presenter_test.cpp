#include "catch.hpp"

#include "app/settings_presenter.h"
#include "temp_dir.h"

#include <fstream>
#include <sstream>

using cd::app::SettingsField;
using cd::app::SettingsPresenter;
using cd::app::UserSettings;

namespace {

struct FakeSettingsView : cd::app::SettingsView {
    std::optional<UserSettings> shown;
    std::optional<SettingsField> problem_field;
    cd::Message problem;
    void show_settings(const UserSettings& s) override { shown = s; }
    void show_problem(std::optional<SettingsField> field, const cd::Message& p) override {
        problem_field = field;
        problem = p;
    }
};

std::string file_text(const std::filesystem::path& file) {
    std::ifstream in(file);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

} // namespace

TEST_CASE("settings refuse an address the command line would refuse", "[ui-logic][settings]") {
    cd::test::TempDir dir;
    FakeSettingsView view;
    SettingsPresenter presenter(view, dir.path() / "settings.ini");
    presenter.load();
    UserSettings edited = presenter.saved();

    edited.platform = "http://platform.city.example";
    CHECK_FALSE(presenter.save(edited));
    CHECK(view.problem_field == SettingsField::platform);
    CHECK(view.problem.id.find("https://") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(dir.path() / "settings.ini")); // nothing saved

    for (const char* bad : {"ftp://city.example", "https://", "https://user:pw@city.example",
                            "https://city.example/a b", "https://city.example/\"x"}) {
        edited.platform = bad;
        CHECK_FALSE(presenter.save(edited));
        CHECK(view.problem_field == SettingsField::platform);
    }
    for (const char* good : {"https://platform.city.example", "http://127.0.0.1:8080",
                             "http://localhost/api", "demo", ""}) {
        edited.platform = good;
        CHECK(presenter.save(edited));
        CHECK_FALSE(view.problem_field);
        CHECK(view.problem.empty());
    }
}

TEST_CASE("settings refuse minutes and days out of range", "[ui-logic][settings]") {
    cd::test::TempDir dir;
    FakeSettingsView view;
    SettingsPresenter presenter(view, dir.path() / "settings.ini");
    presenter.load();
    UserSettings edited = presenter.saved();

    edited.idle_lock_minutes = 241;
    CHECK_FALSE(presenter.save(edited));
    CHECK(view.problem_field == SettingsField::idle_lock_minutes);
    edited.idle_lock_minutes = -1;
    CHECK_FALSE(presenter.save(edited));
    CHECK(view.problem_field == SettingsField::idle_lock_minutes);
    edited.idle_lock_minutes = 0; // never
    edited.reminder_days = 61;
    CHECK_FALSE(presenter.save(edited));
    CHECK(view.problem_field == SettingsField::reminder_days);
    edited.reminder_days = 0;
    edited.language = "fr";
    CHECK_FALSE(presenter.save(edited));
    CHECK(view.problem_field == SettingsField::language);
    edited.language = "zh_CN";
    edited.log_level = "loud";
    CHECK_FALSE(presenter.save(edited));
    CHECK(view.problem_field == SettingsField::log_level);
    edited.log_level = "debug";
    CHECK(presenter.save(edited));
}

TEST_CASE("settings come back as saved, beside the window's own section", "[ui-logic][settings]") {
    cd::test::TempDir dir;
    const auto file = dir.path() / "config" / "settings.ini";
    std::filesystem::create_directories(file.parent_path());
    { // what wxFileConfig writes for the window
        std::ofstream out(file);
        out << "[MainWindow]\nx=10\ny=20\nwidth=800\nheight=600\nmaximized=0\ntab=2\n"
               "text_percent=150\n";
    }
    FakeSettingsView view;
    int applied = 0;
    UserSettings before_seen, after_seen;
    SettingsPresenter presenter(view, file,
                                [&](const UserSettings& before, const UserSettings& after) {
                                    ++applied;
                                    before_seen = before;
                                    after_seen = after;
                                });
    presenter.load();
    REQUIRE(view.shown);
    CHECK(view.shown->text_size.percent() == 150);
    CHECK(view.shown->reminder_days == 3);

    UserSettings edited = *view.shown;
    edited.language = "zh_CN";
    edited.text_size = cd::app::TextSize::from_percent(250);
    edited.elder_mode = true;
    edited.high_contrast = true;
    edited.suggestions = false;
    edited.notify_reports = false;
    edited.notify_payments = false;
    edited.idle_lock_minutes = 5;
    edited.reminder_days = 7;
    edited.platform = "https://platform.city.example/v1";
    edited.log_level = "debug";
    REQUIRE(presenter.save(edited));
    CHECK(applied == 1);
    CHECK(before_seen.text_size.percent() == 150);
    CHECK(after_seen == edited);
    CHECK(SettingsPresenter::needs_restart(before_seen, after_seen));

    const UserSettings again = cd::app::read_user_settings(file);
    CHECK(again == edited);
    CHECK_FALSE(again.notifications_on(cd::app::NotificationKind::reports));
    CHECK(again.notifications_on(cd::app::NotificationKind::bills));
    const std::string text = file_text(file);
    CHECK(text.find("[MainWindow]\nx=10\ny=20\nwidth=800\nheight=600\nmaximized=0\ntab=2\n"
                    "text_percent=250\n") == 0);
    CHECK(text.find("[Settings]") != std::string::npos);

    // Saved twice: one section, each key once.
    REQUIRE(presenter.save(edited));
    const std::string twice = file_text(file);
    CHECK(twice == text);

    FakeSettingsView fresh_view;
    SettingsPresenter fresh(fresh_view, file);
    fresh.load();
    CHECK(fresh_view.shown == edited);
}

TEST_CASE("a hand-edited settings file is brought back within the rules", "[ui-logic][settings]") {
    cd::test::TempDir dir;
    const auto file = dir.path() / "settings.ini";
    {
        std::ofstream out(file);
        out << "[Settings]\r\nidle_lock_minutes=9999\r\nreminder_days=-4\r\nlanguage=xx\r\n"
               "platform=http://city.example\r\nlog_level=loud\r\nelder_mode=1\r\n";
    }
    const UserSettings s = cd::app::read_user_settings(file);
    CHECK(s.idle_lock_minutes == 240);
    CHECK(s.reminder_days == 0);
    CHECK(s.language.empty());
    CHECK(s.platform.empty());
    CHECK(s.log_level.empty());
    CHECK(s.elder_mode);
    CHECK_FALSE(SettingsPresenter::check(s));
}

TEST_CASE("the elder-mode question is asked once, to a new citizen", "[ui-logic][settings]") {
    cd::test::TempDir dir;
    const auto file = dir.path() / "settings.ini";
    const bool existed = cd::app::settings_file_exists(file);
    CHECK(cd::app::should_ask_elder_mode(cd::app::read_user_settings(file), existed));
    cd::app::answer_elder_question(file, true);
    const UserSettings after = cd::app::read_user_settings(file);
    CHECK(after.elder_mode);
    CHECK(after.elder_mode_asked);
    CHECK_FALSE(cd::app::should_ask_elder_mode(after, false));
    // Someone who used the app before this question existed is not asked either.
    CHECK_FALSE(cd::app::should_ask_elder_mode(UserSettings{}, true));
}

TEST_CASE("the command line wins over settings, which fill in what it leaves out",
          "[ui-logic][settings]") {
    UserSettings s;
    s.language = "zh_CN";
    s.platform = "https://platform.city.example";
    s.log_level = "debug";
    cd::app::StartupOptions none;
    const auto filled = cd::app::with_user_settings(none, s);
    CHECK(filled.lang == "zh_CN");
    CHECK(filled.platform_url == "https://platform.city.example");
    CHECK(filled.log_level == "debug");
    CHECK_FALSE(filled.demo);

    cd::app::StartupOptions given;
    given.lang = "en";
    given.demo = true;
    given.log_level = "warn";
    const auto kept = cd::app::with_user_settings(given, s);
    CHECK(kept.lang == "en");
    CHECK(kept.demo);
    CHECK(kept.platform_url.empty());
    CHECK(kept.log_level == "warn");

    s.platform = "demo";
    CHECK(cd::app::with_user_settings(none, s).demo);
    CHECK(cd::app::check_startup_options(cd::app::with_user_settings(none, s)).plan);
}
