// payments_history_bench [runs]: a vault of 100,000 seeded payments (production cipher
// settings) driven through the app's History presenters as the panel drives them, on a store
// thread with a UI-thread queue. Times unlock (KDF), unlock to the first history page, a jump
// to row 99,000, filter changes (until the count, first rows and totals are in) and the CSV
// export. Prints medians (and p99 for filters). Never asserts time.
#include "app/app_context.h"
#include "app/history_export_presenter.h"
#include "app/payment_history_presenter.h"
#include "app/spending_chart_presenter.h"
#include "ledger_seed.h"
#include "queue_dispatcher.h"
#include "recording_notifier.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

using namespace cd;
using namespace cd::app;
using Clock = std::chrono::steady_clock;
using namespace std::chrono;

namespace {

constexpr int entry_count = 100000;
constexpr const char* passphrase = "benchmark passphrase 2026";

double ms_since(Clock::time_point start) {
    return duration<double, std::milli>(Clock::now() - start).count();
}

double quantile(std::vector<double> v, double q) {
    std::sort(v.begin(), v.end());
    const auto i = static_cast<std::size_t>(q * static_cast<double>(v.size() - 1) + 0.5);
    return v[std::min(i, v.size() - 1)];
}

[[noreturn]] void fail(const char* what) {
    std::fprintf(stderr, "payments_history_bench: %s\n", what);
    std::exit(1);
}

struct View final : PaymentHistoryView, HistoryExportView {
    HistorySummary summary;
    std::int64_t ready_first = -1;
    bool export_done = false;
    Message export_problem;
    void show_summary(const HistorySummary& s) override { summary = s; }
    void rows_ready(std::int64_t first, std::int64_t) override { ready_first = first; }
    void export_progress(const ExportProgress&) override {}
    void export_finished(std::int64_t, bool, const Message& problem, const std::string&) override {
        export_done = true;
        export_problem = problem;
    }
};

} // namespace

int main(int argc, char** argv) {
    const int runs = argc > 1 ? std::max(1, std::atoi(argv[1])) : 5;
    const auto dir = std::filesystem::temp_directory_path() /
                     ("citizendesk-history-bench-" + std::to_string(std::random_device{}()));
    std::filesystem::create_directories(dir);

    test::QueueDispatcher ui;
    InlineTaskRunner worker;
    EventHub events;
    PlatformData data{events};
    test::RecordingNotifier notifier;
    FixedPlatformAccess platform(nullptr);
    VaultService vault(ui, dir / "vault.db"); // production KDF and page size
    OutboxSender outbox(ui, vault, events, [] { return system_clock::now(); });
    AppContext context{ui, worker, platform, vault, events, data, notifier, outbox};

    auto wait_status = [&](auto start) {
        bool done = false;
        bool ok = false;
        start([&](Status s) {
            done = true;
            ok = s.ok();
        });
        ui.run_until([&] { return done; }, seconds(120));
        return ok;
    };
    auto t = Clock::now();
    if (!wait_status([&](auto d) { vault.create(store::SecretBytes(passphrase), d); })) {
        fail("create failed");
    }
    const double create_ms = ms_since(t);
    // Every 5 minutes over the last year: the charts see all of it.
    const test::LedgerSeed seed{system_clock::now() - minutes(5) * entry_count, minutes(5)};
    t = Clock::now();
    vault.run_and_wait([&](store::Vault& v) {
        seed.append(v, entry_count);
        return 0;
    });
    const double fill_ms = ms_since(t);
    std::printf("payments_history_bench: %d payments, %d runs; create %.0f ms, seed %.0f ms\n",
                entry_count, runs, create_ms, fill_ms);

    // The filters a citizen changes between (applied in this order, round after round).
    std::vector<HistoryFilter> filters(8);
    filters[1].category = "water";
    filters[2].payee = "水务";
    filters[3].status = store::PaymentStatus::declined;
    filters[4].from_date = "2020-01-01"; // everything, through the date path
    filters[5].category = "power";
    filters[5].status = store::PaymentStatus::paid;
    filters[6].payee = "no such payee";
    filters[7].payee = "Comma";
    filters[7].category = "gas";

    std::vector<double> unlock, first_page, jump, filter_ms, chart_ms, export_ms;
    std::uintmax_t csv_bytes = 0;
    std::int64_t jumped_row_id = 0;
    for (int run = 0; run < runs; ++run) {
        bool locked = false;
        vault.lock([&] { locked = true; });
        ui.run_until([&] { return locked; });

        t = Clock::now();
        if (!wait_status([&](auto d) { vault.unlock(store::SecretBytes(passphrase), d); })) {
            fail("unlock failed");
        }
        unlock.push_back(ms_since(t));

        View view;
        PaymentHistoryPresenter history(context, view);
        t = Clock::now();
        history.refresh();
        if (!ui.run_until([&] { return view.ready_first == 0; }, seconds(60))) {
            fail("no first page");
        }
        first_page.push_back(ms_since(t) + unlock.back());
        ui.run_until([&] { return view.summary.totals_ready; }, seconds(60));

        t = Clock::now();
        const store::PaymentEntry* row = nullptr;
        ui.run_until([&] { return (row = history.row(99000)) != nullptr; }, seconds(60));
        if (row == nullptr) {
            fail("row 99,000 never came");
        }
        jump.push_back(ms_since(t));
        jumped_row_id = row->id;

        for (const auto& f : filters) {
            t = Clock::now();
            history.set_filter(f);
            ui.run_until(
                [&] {
                    return !view.summary.loading && view.summary.totals_ready &&
                           (view.summary.count == 0 || history.row(0) != nullptr);
                },
                seconds(60));
            filter_ms.push_back(ms_since(t));
        }

        struct ChartView final : SpendingChartView {
            bool done = false;
            void show_chart(const SpendingChart& c) override { done = !c.loading; }
        } chart_view;
        SpendingChartPresenter chart(context, chart_view);
        t = Clock::now();
        chart.refresh();
        ui.run_until([&] { return chart_view.done; }, seconds(60));
        chart_ms.push_back(ms_since(t));

        history.set_filter({});
        ui.run_until([&] { return view.summary.totals_ready; }, seconds(60));
        HistoryExportPresenter exporter(context, view);
        const auto csv = dir / "history.csv";
        t = Clock::now();
        std::vector<std::string> headers;
        for (const Message& column : HistoryExportPresenter::columns()) {
            headers.push_back(column.id); // the English names: no catalog in a benchmark
        }
        exporter.start(history.ledger_filter(), view.summary.count, csv, headers);
        ui.run_until([&] { return view.export_done; }, seconds(300));
        export_ms.push_back(ms_since(t));
        if (!view.export_problem.empty()) {
            fail("export failed");
        }
        csv_bytes = std::filesystem::file_size(csv);
        std::filesystem::remove(csv);
    }
    std::printf("unlock (PBKDF2 256k + open)        median %8.1f ms\n", quantile(unlock, 0.5));
    std::printf("unlock to first history page       median %8.1f ms\n", quantile(first_page, 0.5));
    std::printf("jump to row 99,000                 median %8.1f ms (entry id %lld)\n",
                quantile(jump, 0.5), static_cast<long long>(jumped_row_id));
    std::printf("filter change (%zu filters x %d)     median %8.1f ms, p99 %.1f ms\n",
                filters.size(), runs, quantile(filter_ms, 0.5), quantile(filter_ms, 0.99));
    std::printf("spending chart (12 months + kinds) median %8.1f ms\n", quantile(chart_ms, 0.5));
    std::printf("CSV export of %d entries        median %8.1f ms, %.1f MB\n", entry_count,
                quantile(export_ms, 0.5), static_cast<double>(csv_bytes) / 1e6);
    std::error_code ec;
    vault.lock();
    ui.drain();
    std::filesystem::remove_all(dir, ec);
    return 0;
}
