#include "wx_test_runtime.h"

#include <wx/app.h>
#include <wx/apptrait.h>
#include <wx/crt.h>
#include <wx/evtloop.h>
#include <wx/log.h>

#include <cstdlib>
#include <memory>
#include <thread>

namespace cd::test {

namespace {

class TestApp : public wxApp {
public:
    bool OnInit() override { return true; }
    // An assert must fail the test, never open a dialog that waits for a click forever.
    void OnAssertFailure(const wxChar* file, int line, const wxChar* func, const wxChar* cond,
                         const wxChar* msg) override {
        wxFprintf(stderr, "wx assertion failed: %s:%d %s: %s %s\n", file, line, func, cond, msg);
        std::abort();
    }
};

struct WxRuntime {
    bool ok = false;
    std::unique_ptr<wxEventLoopBase> loop;

    WxRuntime() {
        const char* display = std::getenv("DISPLAY");
        if (display == nullptr || *display == '\0') {
            return;
        }
        wxApp::SetInstance(new TestApp);
        static char name[] = "ui_tests";
        static char* argv[] = {name, nullptr};
        int argc = 1;
        ok = wxEntryStart(argc, argv) && wxTheApp->CallOnInit();
        if (ok) {
            // wxYield needs an active loop; the tests run outside MainLoop().
            loop.reset(wxTheApp->GetTraits()->CreateEventLoop());
            wxEventLoopBase::SetActive(loop.get());
        }
    }
    ~WxRuntime() {
        if (ok) {
            wxEventLoopBase::SetActive(nullptr);
            loop.reset();
            wxTheApp->OnExit();
            wxEntryCleanup();
        }
    }
};

class CollectingLog : public wxLog {
public:
    std::vector<wxString> problems;

protected:
    void DoLogTextAtLevel(wxLogLevel level, const wxString& msg) override {
        if (level <= wxLOG_Warning) {
            problems.push_back(msg);
        }
    }
};

CollectingLog* g_collector = nullptr;
wxLog* g_previous = nullptr;

} // namespace

bool start_wx() {
    static WxRuntime runtime;
    return runtime.ok;
}

void pump_events(std::chrono::milliseconds duration) {
    const auto end = std::chrono::steady_clock::now() + duration;
    while (std::chrono::steady_clock::now() < end) {
        wxTheApp->ProcessPendingEvents();
        wxTheApp->Yield(true);
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
}

bool wait_until(const std::function<bool()>& pred, std::chrono::milliseconds limit) {
    const auto end = std::chrono::steady_clock::now() + limit;
    while (!pred()) {
        if (std::chrono::steady_clock::now() >= end) {
            return false;
        }
        pump_events(std::chrono::milliseconds(20));
    }
    return true;
}

LoggedProblems::LoggedProblems() {
    g_collector = new CollectingLog;
    g_previous = wxLog::SetActiveTarget(g_collector);
}

LoggedProblems::~LoggedProblems() {
    wxLog::SetActiveTarget(g_previous);
    delete g_collector;
    g_collector = nullptr;
}

const std::vector<wxString>& LoggedProblems::problems() const {
    return g_collector->problems;
}

} // namespace cd::test
