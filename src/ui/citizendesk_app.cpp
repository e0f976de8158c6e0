#include "ui/citizendesk_app.h"

#include "app/settings_presenter.h"
#include "diag/log.h"
#include "ui/library_versions.h"
#include "ui/main_frame.h"
#include "ui/qa_smoke.h"
#include "ui/session_ui.h"

#include <wx/msgdlg.h>
#include <wx/translation.h>
#include <wx/uilocale.h>

#include <csignal>
#include <exception>

namespace cd::ui {

namespace {

void log_current_exception(const char* where) {
    try {
        throw;
    } catch (const std::exception& e) {
        diag::error(diag::Category::ui, where, ": ", e.what());
    } catch (...) {
        diag::error(diag::Category::ui, where, ": unknown exception");
    }
}

// The first start of a new citizen asks once whether to use elder mode (长辈版), before the
// vault's dialogs, so that those already come large.
void ask_elder_mode(MainFrame* frame, bool returning) {
    const std::filesystem::path& file = frame->settings_file();
    if (start_dialogs_disabled() || !app::should_ask_elder_mode(frame->settings(), returning)) {
        return;
    }
    wxMessageDialog question(frame,
                             _("Would you like elder mode? It shows larger text and larger "
                               "buttons, puts the 12345 hotline one click away and says every "
                               "payment in words. You can change this at any time in File > "
                               "Settings."),
                             _("Welcome to CitizenDesk"), wxYES_NO | wxICON_QUESTION);
    question.SetYesNoLabels(_("&Use elder mode"), _("&Standard view"));
    const bool elder = question.ShowModal() == wxID_YES;
    app::answer_elder_question(file, elder);
    frame->apply_settings(frame->settings(), app::read_user_settings(file));
}

} // namespace

void CitizenDeskApp::configure(app::StartupPlan plan, app::AppPaths paths) {
    plan_ = std::move(plan);
    paths_ = std::move(paths);
}

bool CitizenDeskApp::OnInit() {
    // Numbers, dates and currency follow the system's conventions.
    wxUILocale::UseDefault();
    SetAppName("citizendesk");
    SetVendorName("CitizenDesk");
    SetAppDisplayName(_("CitizenDesk"));
    if (!refusal_.empty()) {
        wxMessageBox(refusal_, _("CitizenDesk"), wxOK | wxICON_INFORMATION);
        return false;
    }

    const bool chinese = wxTranslations::Get() != nullptr &&
                         wxTranslations::Get()
                             ->GetBestTranslation("citizendesk", wxLANGUAGE_ENGLISH_US)
                             .StartsWith("zh");
    AppServices::Settings settings;
    settings.plan = plan_;
    settings.data_dir = paths_.data_dir;
    settings.chinese = chinese;
    services_ = std::make_unique<AppServices>(dispatcher_, std::move(settings));
    PlatformLink& link = services_->link();

    MainFrame::Options options;
    options.platform_name = link.display_name();
    if (link.configured()) {
        options.probe = link.probe();
    }
    options.context = &services_->context();
    options.settings_file = paths_.config_dir / "settings.ini";
    const bool returning = app::settings_file_exists(options.settings_file);
    options.ui = &dispatcher_;
    options.worker = &services_->worker();
    options.support = {library_versions(), paths_, paths_.log_dir / "citizendesk.log"};
    auto* frame = new MainFrame(options);
    frame->Show();
    SetTopWindow(frame);
    diag::info(diag::Category::ui, "main window shown");
    ask_elder_mode(frame, returning);
    start_session(frame, services_->context());
    start_qa_smoke(frame, services_->context());
#ifdef __UNIX__
    // A logout or `kill` sends SIGTERM: close the window the normal way, so that what must be
    // saved is saved. wx runs these handlers from the main loop, not inside the signal.
    for (int sig : {SIGTERM, SIGINT, SIGHUP}) {
        SetSignalHandler(sig, [](int) {
            diag::info(diag::Category::ui, "termination signal: closing the main window");
            if (wxWindow* top = wxTheApp->GetTopWindow()) {
                top->Close();
                wxWakeUpIdle(); // the frame is destroyed, and the loop ends, on the next idle
            }
        });
    }
#endif
#ifdef __WXMSW__
    // Logoff or shutdown on Windows sends no signal. WM_QUERYENDSESSION closes the window the
    // normal way (wx's default, after this handler); WM_ENDSESSION is the last word before
    // Windows ends the process, and wx answers it by running OnExit, which locks the vault and
    // finishes the store queue (the outbox) before returning to Windows. Logged for support.
    Bind(wxEVT_QUERY_END_SESSION, [](wxCloseEvent& event) {
        diag::info(diag::Category::ui, "Windows asks to end the session: closing the main window");
        event.Skip();
    });
    Bind(wxEVT_END_SESSION, [](wxCloseEvent& event) {
        diag::info(diag::Category::ui, "Windows ends the session",
                   event.GetLoggingOff() ? " (logoff)" : " (shutdown)",
                   ": locking the vault and exiting");
        event.Skip();
    });
#endif
    return true;
}

int CitizenDeskApp::OnExit() {
    diag::info(diag::Category::ui, "exiting");
    services_.reset(); // stops the network and the demo platform, finishes queues, locks
    return wxApp::OnExit();
}

bool CitizenDeskApp::OnExceptionInMainLoop() {
    log_current_exception("exception in the main loop (the app keeps running)");
    return true;
}

void CitizenDeskApp::OnUnhandledException() {
    log_current_exception("unhandled exception");
}

} // namespace cd::ui
