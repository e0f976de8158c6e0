#include "ui/run.h"

#include "app/app_paths.h"
#include "app/build_info.h"
#include "app/diagnostics_text.h"
#include "app/installed_settings.h"
#include "app/startup_folders.h"
#include "app/startup_options.h"
#include "app/user_settings.h"
#include "core/path_text.h"
#include "diag/log.h"
#include "diag/rotating_file_sink.h"
#include "net/curl_http_client.h"
#include "net/library_version.h"
#include "store/process_hardening.h"
#include "ui/citizendesk_app.h"
#include "ui/command_line.h"
#include "ui/library_versions.h"
#include "ui/message_text.h"
#include "ui/translations.h"

#include <wx/init.h>
#include <wx/version.h>

#include <algorithm>
#include <clocale>
#include <cstdio>
#include <cstdlib>
#include <memory>

namespace cd::ui {

namespace {

void print(std::FILE* to, const wxString& text) {
    const wxScopedCharBuffer utf8 = text.utf8_str();
    std::fwrite(utf8.data(), 1, utf8.length(), to);
    std::fputc('\n', to);
}

// GTK cannot start without a display; say so plainly instead of letting it abort.
bool has_display() {
#if defined(__WXGTK__)
    const char* x11 = std::getenv("DISPLAY");
    const char* wayland = std::getenv("WAYLAND_DISPLAY");
    return (x11 != nullptr && *x11 != '\0') || (wayland != nullptr && *wayland != '\0');
#else
    return true;
#endif
}

// Owns the app object until wxEntry takes it over; unregisters it on an early return.
struct AppOwner {
    std::unique_ptr<CitizenDeskApp> app = std::make_unique<CitizenDeskApp>();
    AppOwner() { wxApp::SetInstance(app.get()); }
    ~AppOwner() {
        if (app) {
            wxApp::SetInstance(nullptr);
        }
    }
    CitizenDeskApp* release() { return app.release(); }
};

// Replaces completed and check with the plan made with the settings, when it passes.
bool plan_from_settings(const app::StartupOptions& with_settings,
                        const app::InstalledSettings& installed, app::CompletedOptions& completed,
                        app::StartupCheck& check) {
    app::CompletedOptions again = app::complete_startup_options(with_settings, installed);
    app::StartupCheck checked = app::check_startup_options(again.options);
    if (!checked.plan) {
        return false;
    }
    completed = std::move(again);
    check = std::move(checked);
    return true;
}

} // namespace

int run(int argc, char** argv) {
    // First of all: a crash must never write key material to disk.
    if (auto hardened = store::disable_core_dumps(); !hardened.ok()) {
        std::fputs("warning: core dumps could not be disabled\n", stderr);
    }
    std::setlocale(LC_ALL, ""); // arguments and paths in the user's encoding
    net::global_init();         // libcurl's one-time set-up, before any thread starts
    AppOwner owner;

    // Translations first, so that --help and every message below speak the chosen language.
    install_translations(app::normalize_language(prescan_language(argc, argv)));

    const CommandLine cmd = parse_process_command_line(argc, argv);
    switch (cmd.outcome) {
    case CommandLine::Outcome::show_help:
        print(stdout, from_utf8(cmd.text));
        return EXIT_SUCCESS;
    case CommandLine::Outcome::show_version:
        print(stdout, wxString::Format("CitizenDesk %s", app::build::version));
        return EXIT_SUCCESS;
    case CommandLine::Outcome::error:
        print(stderr, from_utf8(cmd.text));
        return 2;
    case CommandLine::Outcome::run:
        break;
    }

#if defined(_WIN32)
    const app::InstalledSettings installed = app::read_installed_settings(app::executable_dir());
#else
    const app::InstalledSettings installed; // beside /usr/bin/citizendesk: no such files
#endif
    app::CompletedOptions completed = app::complete_startup_options(cmd.options, installed);
    app::StartupCheck check = app::check_startup_options(completed.options);
    if (!check.plan) {
        print(stderr, tr(check.problem));
        return 2;
    }
    const app::AppPaths paths = check.plan->data_dir.empty()
                                    ? app::default_paths()
                                    : app::paths_under(path_from_utf8(check.plan->data_dir));
    // File > Settings fills in what the command line leaves out (checked when it was saved,
    // and again here: a refused value is ignored, the command line's plan stands).
    const app::StartupOptions with_settings = app::with_user_settings(
        cmd.options, app::read_user_settings(paths.config_dir / "settings.ini"));
    if (!plan_from_settings(with_settings, installed, completed, check)) {
        diag::warn(diag::Category::app, "the saved settings are refused; using the defaults");
    }
    if (completed.options.lang != cmd.options.lang) {
        install_translations(completed.options.lang);
    }
    const app::StartupPlan& plan = *check.plan;

    if (plan.diagnose) {
        print(stdout, from_utf8(app::diagnostics_text(library_versions(), paths) +
                                app::platform_diagnostics(completed, installed)));
        if (app::InstanceLock::held_elsewhere(paths.data_dir)) {
            print(stderr, tr(app::already_running_error(paths.data_dir).user_message));
        }
        return EXIT_SUCCESS;
    }

    // Before the log, the vault or the demo platform are opened: a second copy opens none.
    auto folders = app::open_app_folders(paths);
    if (!folders) {
        const wxString why = tr(folders.error().message_for_user());
        print(stderr, why);
        if (folders.error().kind != ErrorKind::conflict) {
            return 1;
        }
        if (has_display()) {
            owner.app->refuse_start(why);
            owner.release();
            int wx_argc = argc;
            wxEntry(wx_argc, argv);
        }
        return 4;
    }

    diag::set_level(plan.log_level);
    auto log_file = std::make_shared<diag::RotatingFileSink>(paths.log_dir, "citizendesk",
                                                             diag::RotatingFileSink::Limits{});
    diag::add_sink(log_file);
    diag::set_thread_name("ui");
    diag::info(diag::Category::app, "CitizenDesk ", app::build::version, " starting (",
               app::build::build_type, "); wxWidgets ", wxVERSION_NUM_DOT_STRING, "; ",
               net::curl_version_description());
    diag::info(diag::Category::app, "data ", path_to_utf8(paths.data_dir), "; log ",
               path_to_utf8(log_file->path()));
    app::log_privacy_repair(folders->privacy);
    if (!completed.ignored.empty() ||
        completed.platform_origin == app::CompletedOptions::PlatformOrigin::installed) {
        std::string text = app::platform_diagnostics(completed, installed);
        text.pop_back();
        std::replace(text.begin(), text.end(), '\n', ';'); // one log line
        diag::info(diag::Category::app, text);
    }

    if (!has_display()) {
        print(stderr, _("CitizenDesk needs a graphical display, and none was found (DISPLAY is "
                        "not set).\nOn a computer without a screen, run it inside a virtual "
                        "display:\n    xvfb-run -a citizendesk --demo\nTo check the installation "
                        "without any display: citizendesk --diagnose"));
        diag::error(diag::Category::app, "no display: DISPLAY and WAYLAND_DISPLAY are unset");
        diag::remove_all_sinks();
        return 3;
    }

    owner.app->configure(plan, paths);
    owner.release(); // wxEntry deletes the app when it is done
    int wx_argc = argc;
    const int rc = wxEntry(wx_argc, argv);
    diag::info(diag::Category::app, "exit code ", rc);
    diag::remove_all_sinks();
    return rc;
}

} // namespace cd::ui
