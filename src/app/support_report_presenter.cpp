#include "app/support_report_presenter.h"

#include "core/path_text.h"
#include "diag/log.h"

#include <ctime>

namespace cd::app {

SupportReportPresenter::SupportReportPresenter(SupportReportView& view, Dispatcher& ui,
                                               TaskRunner& worker, Inputs inputs)
    : view_(view), ui_(ui), worker_(worker), inputs_(std::move(inputs)) {}

void SupportReportPresenter::open() {
    view_.show_busy(msg(N_("Preparing the support information…")));
    auto deliver = lifetime_.guard([this](std::string text) {
        report_ = std::move(text);
        view_.show_report(report_);
    });
    worker_.run([inputs = inputs_, deliver, &ui = ui_]() mutable {
        auto tail = read_log_tail(inputs.log_file, inputs.log_lines);
        const std::string log = tail.ok() ? *tail : "(" + tail.error().detail + ")\n";
        std::string text = support_report_text(inputs.versions, inputs.paths, log);
        ui.post([deliver, text = std::move(text)]() mutable { deliver(std::move(text)); });
    });
}

void SupportReportPresenter::save_to(const std::filesystem::path& file) {
    view_.show_busy(msg(N_("Saving…")));
    auto deliver = lifetime_.guard([this, file](Status status) {
        if (status.ok()) {
            diag::info(diag::Category::app, "support report saved to ", path_to_utf8(file));
            view_.show_saved(msg(N_("Saved to {0}"), {path_to_utf8(file)}));
        } else {
            diag::warn(diag::Category::app, status.error().log_line());
            view_.show_problem(status.error().message_for_user());
        }
    });
    worker_.run([file, text = report_, deliver, &ui = ui_]() mutable {
        Status status = write_file_atomically(file, text);
        ui.post([deliver, status]() mutable { deliver(status); });
    });
}

std::string SupportReportPresenter::suggested_file_name(std::chrono::system_clock::time_point now) {
    const std::time_t t = std::chrono::system_clock::to_time_t(now);
    std::tm local{};
#ifdef _WIN32
    localtime_s(&local, &t);
#else
    localtime_r(&t, &local);
#endif
    char name[64];
    std::strftime(name, sizeof name, "citizendesk-support-%Y-%m-%d.txt", &local);
    return name;
}

} // namespace cd::app
