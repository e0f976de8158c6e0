#include "catch.hpp"

#include "app/task_runner.h"
#include "temp_dir.h"
#include "ui/library_versions.h"
#include "ui/support_dialog.h"
#include "ui/translations.h"
#include "ui/wx_dispatcher.h"
#include "wx_test_runtime.h"

#include <fstream>

TEST_CASE("the support dialog shows the report prepared on a worker thread", "[ui]") {
    if (!cd::test::start_wx()) {
        FAIL("no X display: run the [ui] tests under xvfb-run");
    }
    cd::ui::install_translations("en", CITIZENDESK_BINARY_DIR "/share/locale");
    cd::test::TempDir dir;
    const auto paths = cd::app::paths_under(dir.path());
    std::filesystem::create_directories(paths.log_dir);
    std::ofstream(paths.log_dir / "citizendesk.log")
        << "2026-11-28T00:00:00.000Z info  app [ui] started\n"
        << "old line with 13912345678\n";

    cd::ui::WxDispatcher ui;
    cd::app::ThreadTaskRunner worker("worker");
    auto* dialog = new cd::ui::SupportDialog(
        nullptr, ui, worker,
        {cd::ui::library_versions(), paths, paths.log_dir / "citizendesk.log"});
    dialog->Show();
    REQUIRE(cd::test::wait_until([dialog] { return !dialog->report_text().empty(); }));

    const wxString report = dialog->report_text();
    CHECK(report.Contains("wxWidgets 3.2"));
    CHECK(report.Contains("libcurl"));
    CHECK(report.Contains(wxString(paths.log_dir.string())));
    CHECK(report.Contains("started"));
    CHECK_FALSE(report.Contains("13912345678"));
    dialog->Destroy();
    CHECK(cd::test::wait_until([] { return wxTopLevelWindows.IsEmpty(); }));
}
