#include "catch.hpp"

#include "app/support_report_presenter.h"
#include "core/path_text.h"
#include "temp_dir.h"

#include <fstream>
#include <iterator>

using namespace cd::app;
namespace fs = std::filesystem;

namespace {

struct FakeSupportView : SupportReportView {
    std::vector<cd::Message> busy, saved, problems;
    std::string report;
    void show_busy(const cd::Message& m) override { busy.push_back(m); }
    void show_report(const std::string& text) override { report = text; }
    void show_saved(const cd::Message& m) override { saved.push_back(m); }
    void show_problem(const cd::Message& m) override { problems.push_back(m); }
};

struct QueueDispatcher : Dispatcher {
    std::vector<std::function<void()>> queue;
    void post(std::function<void()> task) override { queue.push_back(std::move(task)); }
};

std::string read_all(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

SupportReportPresenter::Inputs inputs_with_log(const fs::path& log) {
    return {{"wxWidgets 3.2.2", "libcurl 7.88.1", "SQLCipher 3.4.1", "Boost 1.81.0"},
            paths_under("/tmp/profile"),
            log,
            3};
}

} // namespace

TEST_CASE("the report holds versions, folders and the end of the log, redacted",
          "[ui-logic][support]") {
    cd::test::TempDir dir;
    const fs::path log = dir.path() / "citizendesk.log";
    // A log from an older version, written before redaction existed.
    std::ofstream(log) << "line one\nline two\nline three 13812345678\nline four token=abc\n";

    FakeSupportView view;
    InlineDispatcher ui;
    InlineTaskRunner worker;
    SupportReportPresenter presenter(view, ui, worker, inputs_with_log(log));
    presenter.open();

    REQUIRE(view.busy.size() == 1);
    const std::string& r = view.report;
    CHECK(r.find("libcurl 7.88.1") != std::string::npos);
    CHECK(r.find(cd::path_to_utf8(paths_under("/tmp/profile").log_dir)) != std::string::npos);
    CHECK(r.find("line one") == std::string::npos); // only the last 3 lines
    CHECK(r.find("line two") != std::string::npos);
    CHECK(r.find("line three ***") != std::string::npos);
    CHECK(r.find("token=***") != std::string::npos);
    CHECK(r.find("13812345678") == std::string::npos);
}

TEST_CASE("a missing log still gives a report that says so", "[ui-logic][support]") {
    cd::test::TempDir dir;
    FakeSupportView view;
    InlineDispatcher ui;
    InlineTaskRunner worker;
    SupportReportPresenter presenter(view, ui, worker, inputs_with_log(dir.path() / "none.log"));
    presenter.open();
    CHECK(view.report.find("SQLCipher 3.4.1") != std::string::npos);
    CHECK(view.report.find("cannot read") != std::string::npos);
}

TEST_CASE("saving writes exactly what was shown", "[ui-logic][support]") {
    cd::test::TempDir dir;
    std::ofstream(dir.path() / "citizendesk.log") << "hello\n";
    FakeSupportView view;
    InlineDispatcher ui;
    InlineTaskRunner worker;
    SupportReportPresenter presenter(view, ui, worker,
                                     inputs_with_log(dir.path() / "citizendesk.log"));
    presenter.open();
    const fs::path target = dir.path() / "report.txt";
    presenter.save_to(target);
    REQUIRE(view.saved.size() == 1);
    CHECK(view.saved[0].args == std::vector<std::string>{target.string()});
    CHECK(read_all(target) == view.report);
    // No temporary file is left behind.
    CHECK(std::distance(fs::directory_iterator(dir.path()), fs::directory_iterator()) == 2);
}

TEST_CASE("saving into a folder that does not exist says so and keeps the report",
          "[ui-logic][support]") {
    cd::test::TempDir dir;
    FakeSupportView view;
    InlineDispatcher ui;
    InlineTaskRunner worker;
    SupportReportPresenter presenter(view, ui, worker, inputs_with_log(dir.path() / "x.log"));
    presenter.open();
    presenter.save_to(dir.path() / "no-such-folder" / "report.txt");
    REQUIRE(view.problems.size() == 1);
    CHECK(view.saved.empty());
    CHECK_FALSE(presenter.report().empty());
}

TEST_CASE("a report that arrives after the screen closed is dropped", "[ui-logic][support]") {
    cd::test::TempDir dir;
    FakeSupportView view;
    QueueDispatcher ui;
    InlineTaskRunner worker;
    {
        SupportReportPresenter presenter(view, ui, worker, inputs_with_log(dir.path() / "x.log"));
        presenter.open();
    }
    REQUIRE(ui.queue.size() == 1);
    ui.queue[0]();
    CHECK(view.report.empty());
}

TEST_CASE("the background runner runs tasks in order off the calling thread", "[app][tasks]") {
    std::vector<int> order;
    std::thread::id caller = std::this_thread::get_id(), worker_id;
    {
        ThreadTaskRunner runner("test-worker");
        for (int i = 0; i < 5; ++i) {
            runner.run([&order, i, &worker_id] {
                order.push_back(i);
                worker_id = std::this_thread::get_id();
            });
        }
    } // joins after finishing the queue
    CHECK(order == std::vector<int>{0, 1, 2, 3, 4});
    CHECK(worker_id != caller);
}

TEST_CASE("the suggested file name carries the date", "[ui-logic][support]") {
    const auto name = SupportReportPresenter::suggested_file_name(std::chrono::system_clock::now());
    CHECK(name.starts_with("citizendesk-support-20"));
    CHECK(name.ends_with(".txt"));
}
