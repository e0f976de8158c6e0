#include "catch.hpp"

#include "app/task_runner.h"
#include "temp_dir.h"
#include "ui/main_frame.h"
#include "ui/platform_link.h"
#include "ui/translations.h"
#include "ui/wx_dispatcher.h"
#include "wx_test_runtime.h"

#include <wx/statusbr.h>

using cd::app::ConnectionState;

namespace {

// A main window linked to a platform the way the app links it, torn down in the app's order.
struct LinkedWindow {
    cd::test::TempDir dir;
    cd::ui::WxDispatcher ui;
    std::unique_ptr<cd::app::ThreadTaskRunner> worker =
        std::make_unique<cd::app::ThreadTaskRunner>("worker");
    std::unique_ptr<cd::ui::PlatformLink> link;
    cd::ui::MainFrame* frame = nullptr;

    explicit LinkedWindow(const cd::app::StartupPlan& plan) {
        if (!cd::test::start_wx()) {
            FAIL("no X display: run the [ui] tests under xvfb-run");
        }
        cd::ui::install_translations("en", CITIZENDESK_BINARY_DIR "/share/locale");
        link = std::make_unique<cd::ui::PlatformLink>(plan, dir.path() / "demo.db", *worker);
        cd::ui::MainFrame::Options options;
        options.platform_name = link->display_name();
        options.settings_file = dir.path() / "settings.ini";
        options.ui = &ui;
        options.worker = worker.get();
        options.probe = link->probe();
        frame = new cd::ui::MainFrame(options);
        frame->Show();
    }
    ~LinkedWindow() {
        frame->Close(true);
        cd::test::wait_until([] { return wxTopLevelWindows.IsEmpty(); });
        link->shut_down();
        worker.reset();
        link.reset();
    }
    bool reaches(ConnectionState state) {
        return cd::test::wait_until([&] { return frame->presenter().connection() == state; },
                                    std::chrono::seconds(30));
    }
    wxString status() const { return frame->GetStatusBar()->GetStatusText(); }
};

} // namespace

TEST_CASE("with --demo the window starts the embedded platform and says it is connected", "[ui]") {
    cd::app::StartupPlan plan;
    plan.platform = cd::app::StartupPlan::Platform::demo;
    LinkedWindow window(plan);
    REQUIRE(window.reaches(ConnectionState::online));
    CHECK(window.status() == "Connected to Haichuan"); // the demo city names itself
    CHECK(std::filesystem::exists(window.dir.path() / "demo.db"));
}

TEST_CASE("a platform that is not there shows offline, not a frozen window", "[ui]") {
    cd::app::StartupPlan plan;
    plan.platform = cd::app::StartupPlan::Platform::url;
    plan.platform_url = "http://127.0.0.1:9"; // the discard port: nothing listens there
    LinkedWindow window(plan);
    REQUIRE(window.reaches(ConnectionState::offline));
    CHECK(window.status() == "Offline: 127.0.0.1:9 cannot be reached");
    CHECK_FALSE(std::filesystem::exists(window.dir.path() / "demo.db"));
}
