// A main window linked to a platform the way the app links it (AppServices: worker, platform
// link, vault service, events, data), with a cheap-KDF vault in a temporary folder and a
// notifier that records; torn down in the app's order. For [ui] smoke tests of the features.
//
//   LinkedWindow window(demo_plan());
//   REQUIRE(window.reaches(ConnectionState::online));
//   REQUIRE(window.create_vault());      // when the feature needs the vault
//   REQUIRE(window.sign_in());           // when it needs the citizen's session
#pragma once

#include "app/startup_options.h"
#include "catch.hpp"
#include "recording_notifier.h"
#include "temp_dir.h"
#include "ui/app_services.h"
#include "ui/main_frame.h"
#include "ui/session_ui.h"
#include "ui/translations.h"
#include "ui/wx_dispatcher.h"
#include "wx_test_runtime.h"

#include <wx/statusbr.h>
#include <wx/toplevel.h>

#include <chrono>
#include <memory>

namespace cd::test {

inline app::StartupPlan demo_plan() {
    app::StartupPlan plan;
    plan.platform = app::StartupPlan::Platform::demo;
    return plan;
}

struct LinkedWindow {
    TempDir dir;
    ui::WxDispatcher dispatcher;
    RecordingNotifier* notifier = nullptr; // owned by services
    std::unique_ptr<ui::AppServices> services;
    ui::MainFrame* frame = nullptr;

    // `desktop`: the notifier behind the message centre (default: one that records).
    explicit LinkedWindow(const app::StartupPlan& plan, const char* language = "en",
                          std::unique_ptr<app::Notifier> desktop = nullptr) {
        if (!start_wx()) {
            FAIL("no X display: run the [ui] tests under xvfb-run");
        }
        ui::install_translations(language, CITIZENDESK_BINARY_DIR "/share/locale");
        ui::AppServices::Settings settings;
        settings.plan = plan;
        settings.data_dir = dir.path();
        settings.chinese = std::string(language).rfind("zh", 0) == 0;
        settings.vault_options = store::VaultOptions::insecure_fast_kdf_for_tests();
        if (desktop) {
            settings.notifier = std::move(desktop);
        } else {
            auto recording = std::make_unique<RecordingNotifier>();
            notifier = recording.get();
            settings.notifier = std::move(recording);
        }
        services = std::make_unique<ui::AppServices>(dispatcher, std::move(settings));
        ui::MainFrame::Options options;
        options.platform_name = services->link().display_name();
        options.settings_file = dir.path() / "settings.ini";
        options.ui = &dispatcher;
        options.worker = &services->worker();
        if (services->link().configured()) {
            options.probe = services->link().probe();
        }
        options.context = &services->context();
        frame = new ui::MainFrame(options);
        frame->SetPosition(wxPoint(0, 0));
        frame->Show();
        ui::start_session(frame,
                          context()); // as the app does (off: CITIZENDESK_NO_START_DIALOGS=1)
    }
    ~LinkedWindow() {
        frame->Close(true);
        wait_until([] { return wxTopLevelWindows.IsEmpty(); });
        services.reset();
        pump_events(std::chrono::milliseconds(50)); // what was posted finds nothing alive
    }
    LinkedWindow(const LinkedWindow&) = delete;
    LinkedWindow& operator=(const LinkedWindow&) = delete;

    app::AppContext& context() { return services->context(); }

    bool reaches(app::ConnectionState state) {
        return wait_until([&] { return frame->presenter().connection() == state; },
                          std::chrono::seconds(30));
    }
    wxString status() const { return frame->GetStatusBar()->GetStatusText(); }

    // Creates and unlocks the vault (as the first-run dialog would), waiting for the store.
    bool create_vault() {
        bool done = false;
        bool ok = false;
        context().vault.create(store::SecretBytes("correct horse battery staple 42"),
                               [&](Status s) {
                                   done = true;
                                   ok = s.ok();
                               });
        wait_until([&] { return done; }, std::chrono::seconds(20));
        if (ok) {
            context().events.publish(app::AppEvent::vault_unlocked);
        }
        return ok;
    }

    // Signs the demo citizen in through the app's platform access, as the sign-in dialog does.
    bool sign_in() {
        bool done = false;
        bool ok = false;
        std::string citizen; // payments and submissions are bound to it, as the app does
        app::call_platform<api::SessionTokens>(
            context().platform, context().ui,
            [](api::PlatformClient& c, auto answer) {
                c.login("13800000000", "Demo@2026", answer);
            },
            [&](Result<api::SessionTokens> r) {
                done = true;
                ok = r.ok();
                citizen = ok ? r->citizen_id : std::string();
            });
        wait_until([&] { return done; }, std::chrono::seconds(30));
        if (ok) {
            context().data.set_signed_in(std::nullopt, citizen);
        }
        return ok;
    }
};

} // namespace cd::test
