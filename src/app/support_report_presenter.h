// The "Support information" screen: prepares the support report off the UI thread, shows it
// in full before anything leaves the computer, and saves it where the citizen chooses.
#pragma once

#include "app/dispatcher.h"
#include "app/support_report.h"
#include "app/task_runner.h"

#include <chrono>
#include <filesystem>
#include <string>

namespace cd::app {

class SupportReportView {
public:
    virtual ~SupportReportView() = default;
    virtual void show_busy(const Message& what) = 0;
    virtual void show_report(const std::string& text) = 0;
    virtual void show_saved(const Message& where) = 0;
    virtual void show_problem(const Message& problem) = 0;
};

class SupportReportPresenter {
public:
    struct Inputs {
        LibraryVersions versions;
        AppPaths paths;
        std::filesystem::path log_file;
        std::size_t log_lines = 400;
    };

    SupportReportPresenter(SupportReportView& view, Dispatcher& ui, TaskRunner& worker,
                           Inputs inputs);

    void open();
    void save_to(const std::filesystem::path& file);

    const std::string& report() const { return report_; }

    // "citizendesk-support-2026-11-28.txt" for the save dialog.
    static std::string suggested_file_name(std::chrono::system_clock::time_point now);

private:
    SupportReportView& view_;
    Dispatcher& ui_;
    TaskRunner& worker_;
    Inputs inputs_;
    std::string report_;
    Lifetime lifetime_; // last: destroyed first, so late results are dropped
};

} // namespace cd::app
