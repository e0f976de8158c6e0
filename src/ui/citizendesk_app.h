// The wxApp: sets the locale, opens the main frame, and keeps an exception that reaches the
// main loop from ending the program (it is logged, and the citizen keeps working).
#pragma once

#include "app/app_paths.h"
#include "app/startup_options.h"
#include "ui/app_services.h"
#include "ui/wx_dispatcher.h"

#include <memory>

#include <wx/app.h>

namespace cd::ui {

class CitizenDeskApp final : public wxApp {
public:
    // Created before the command line is read (wx needs an app object for paths and
    // translations); configure() hands it the checked plan before it runs.
    CitizenDeskApp() = default;
    void configure(app::StartupPlan plan, app::AppPaths paths);
    // Instead of the window, tell the citizen why the app cannot start (another copy runs).
    void refuse_start(const wxString& why) { refusal_ = why; }

    bool OnInit() override;
    int OnExit() override;
    bool OnExceptionInMainLoop() override;
    void OnUnhandledException() override;

private:
    app::StartupPlan plan_;
    app::AppPaths paths_;
    wxString refusal_;
    WxDispatcher dispatcher_;
    std::unique_ptr<AppServices> services_; // reset in OnExit, after the window is gone
};

} // namespace cd::ui
