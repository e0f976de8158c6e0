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

TEST_CASE("with --demo the window starts the embedded platform and says it is connected", "[ui]") {
    if (!cd::test::start_wx()) {
        FAIL("no X display: run the [ui] tests under xvfb-run");
    }
    cd::ui::install_translations("en", CITIZENDESK_BINARY_DIR "/share/locale");
    cd::test::TempDir dir;
    cd::app::StartupPlan plan;
    plan.platform = cd::app::StartupPlan::Platform::demo;

    cd::ui::WxDispatcher ui;
    auto worker = std::make_unique<cd::app::ThreadTaskRunner>("worker");
    auto link = std::make_unique<cd::ui::PlatformLink>(plan, dir.path() / "demo.db", *worker);

    cd::ui::MainFrame::Options options;
    options.platform_name = link->display_name();
    options.settings_file = dir.path() / "settings.ini";
    options.ui = &ui;
    options.worker = worker.get();
    options.probe = link->probe();
    auto* frame = new cd::ui::MainFrame(options);
    frame->Show();

    REQUIRE(cd::test::wait_until(
        [frame] { return frame->presenter().connection() == ConnectionState::online; },
        std::chrono::seconds(30)));
    CHECK(frame->GetStatusBar()->GetStatusText() == "Connected to demo");
    CHECK(std::filesystem::exists(dir.path() / "demo.db"));

    frame->Close(true);
    CHECK(cd::test::wait_until([] { return wxTopLevelWindows.IsEmpty(); }));
    link->shut_down();
    worker.reset();
    link.reset();
}

TEST_CASE("a platform that is not there shows offline, not a frozen window", "[ui]") {
    if (!cd::test::start_wx()) {
        FAIL("no X display: run the [ui] tests under xvfb-run");
    }
    cd::ui::install_translations("en", CITIZENDESK_BINARY_DIR "/share/locale");
    cd::test::TempDir dir;
    cd::app::StartupPlan plan;
    plan.platform = cd::app::StartupPlan::Platform::url;
    plan.platform_url = "http://127.0.0.1:9"; // discard port: nothing listens there

    cd::ui::WxDispatcher ui;
    auto worker = std::make_unique<cd::app::ThreadTaskRunner>("worker");
    auto link = std::make_unique<cd::ui::PlatformLink>(plan, dir.path() / "unused.db", *worker);
    cd::ui::MainFrame::Options options;
    options.platform_name = link->display_name();
    options.settings_file = dir.path() / "settings.ini";
    options.ui = &ui;
    options.worker = worker.get();
    options.probe = link->probe();
    auto* frame = new cd::ui::MainFrame(options);
    frame->Show();

    REQUIRE(cd::test::wait_until(
        [frame] { return frame->presenter().connection() == ConnectionState::offline; },
        std::chrono::seconds(30)));
    CHECK(frame->GetStatusBar()->GetStatusText() == "Offline: 127.0.0.1:9 cannot be reached");
    CHECK_FALSE(std::filesystem::exists(dir.path() / "unused.db"));
    frame->Close(true);
    CHECK(cd::test::wait_until([] { return wxTopLevelWindows.IsEmpty(); }));
    link->shut_down();
    worker.reset();
    link.reset();
}
