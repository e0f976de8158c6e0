#include "app/history_export_presenter.h"
#include "app/payment_history_filter.h"
#include "app/spending_chart_presenter.h"

#include "app_test_context.h"
#include "core/path_text.h"
#include "ledger_seed.h"
#include "store/ledger_csv.h"
#include "store/utc_time.h"

#include "catch.hpp"

#include <fstream>
#include <iterator>
#include <map>

using namespace cd;
using namespace cd::app;
using namespace std::chrono;

namespace {

struct RecordingChartView final : SpendingChartView {
    std::vector<SpendingChart> charts;
    void show_chart(const SpendingChart& c) override { charts.push_back(c); }
};

struct RecordingExportView final : HistoryExportView {
    std::vector<ExportProgress> progress;
    bool finished = false;
    std::int64_t written = 0;
    bool cancelled = false;
    Message problem;
    std::string destination;
    std::function<void()> on_progress;
    void export_progress(const ExportProgress& p) override {
        progress.push_back(p);
        if (on_progress) {
            on_progress();
        }
    }
    void export_finished(std::int64_t w, bool c, const Message& m,
                         const std::string& where) override {
        finished = true;
        destination = where;
        written = w;
        cancelled = c;
        problem = m;
    }
};

std::vector<std::string> english_columns() {
    std::vector<std::string> names;
    for (const auto& column : HistoryExportPresenter::columns()) {
        names.push_back(column.id);
    }
    return names;
}

// An RFC 4180 reader: quoted fields, doubled quotes, CRLF records.
std::vector<std::vector<std::string>> parse_csv(const std::string& text) {
    std::vector<std::vector<std::string>> rows(1);
    std::string field;
    bool quoted = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
                field += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            rows.back().push_back(std::move(field));
            field.clear();
        } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
            rows.back().push_back(std::move(field));
            field.clear();
            rows.emplace_back();
            ++i;
        } else {
            field += c;
        }
    }
    if (rows.back().empty() && field.empty()) {
        rows.pop_back();
    }
    return rows;
}

std::string read_file(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::vector<std::string> files_in(const std::filesystem::path& dir) {
    std::vector<std::string> out;
    for (const auto& f : std::filesystem::directory_iterator(dir)) {
        out.push_back(f.path().filename().string());
    }
    std::sort(out.begin(), out.end());
    return out;
}

const test::LedgerSeed seed{system_clock::time_point(sys_days(year(2025) / 6 / 1)) + hours(4),
                            hours(19)};

} // namespace

TEST_CASE("the spending chart sums paid payments per month for 12 months and per category",
          "[ui-logic][app]") {
    test::AppTestContext t;
    const int count = 800; // 2025-06 to 2027-02: older, inside and newer than the 12 months
    t.vault->run_and_wait([&](store::Vault& v) {
        seed.append(v, count);
        return 0;
    });
    const auto now = system_clock::time_point(sys_days(year(2026) / 11 / 28)) + hours(6);
    t.context->now = [now] {
        return now;
    };
    const int offset = local_utc_offset_minutes(now);
    const auto months = last_twelve_months(now, offset);
    REQUIRE(months.size() == 12);
    CHECK(months.back() == local_time_text(store::to_utc_iso8601(now), offset).substr(0, 7));

    std::map<std::string, Money> by_month;
    std::map<std::string, Money> by_category;
    for (int i = 0; i < count; ++i) {
        const auto e = seed.entry(i);
        const auto month = local_time_text(store::to_utc_iso8601(e.at), offset).substr(0, 7);
        if (e.status != store::PaymentStatus::paid || month < months.front() ||
            month > months.back()) {
            continue;
        }
        by_month[month] = by_month[month] + e.amount;
        by_category[e.category] = by_category[e.category] + e.amount;
    }

    RecordingChartView view;
    SpendingChartPresenter p(*t.context, view);
    p.refresh();
    REQUIRE(t.ui.run_until([&] { return !view.charts.empty() && !view.charts.back().loading; }));
    const auto& chart = view.charts.back();
    CHECK(chart.problem.empty());
    REQUIRE(chart.months.size() == 12);
    Money total;
    for (std::size_t m = 0; m < 12; ++m) {
        CHECK(chart.months[m].key == months[m]);
        CHECK(chart.months[m].amount == by_month[months[m]]);
        total = total + by_month[months[m]];
    }
    CHECK(chart.total == total);
    CHECK(chart.months.back().label == msg("Nov {0}", {"2026"}));
    REQUIRE(chart.categories.size() == 7);
    for (std::size_t c = 0; c < chart.categories.size(); ++c) {
        CHECK(chart.categories[c].amount == by_category[chart.categories[c].key]);
        if (c > 0) {
            CHECK(chart.categories[c - 1].amount >= chart.categories[c].amount);
        }
    }
    CHECK(chart.categories.front().label.id != chart.categories.front().key);
    const auto table = chart_table(chart.months);
    REQUIRE(table.size() == 12);
    CHECK(table.back().amount == to_decimal_string(by_month[months.back()]));
    CHECK(table.back().label == chart.months.back().label);
}

TEST_CASE("an empty ledger charts twelve zero months and no category", "[ui-logic][app]") {
    const auto chart = make_spending_chart(
        last_twelve_months(system_clock::time_point(sys_days(year(2026) / 1 / 15)), 0), {}, {});
    REQUIRE(chart.months.size() == 12);
    CHECK(chart.months.front().key == "2025-02");
    CHECK(chart.months.back().key == "2026-01");
    CHECK(chart.total == Money{});
    CHECK(chart.categories.empty());
}

TEST_CASE("the filtered history exports to a CSV that reads back with Chinese intact",
          "[ui-logic][app]") {
    test::AppTestContext t;
    const int count = 1000;
    t.vault->run_and_wait([&](store::Vault& v) {
        seed.append(v, count);
        return 0;
    });
    store::LedgerFilter paid;
    paid.status = store::PaymentStatus::paid;
    std::vector<int> want;
    for (int i = count - 1; i >= 0; --i) {
        if (seed.entry(i).status == store::PaymentStatus::paid) {
            want.push_back(i);
        }
    }
    RecordingExportView view;
    HistoryExportPresenter p(*t.context, view, 150);
    const auto dest = t.dir.path() / HistoryExportPresenter::suggested_file_name(t.context->now());
    // The view's translation of the column names (here zh_CN's words) heads the file.
    std::vector<std::string> chinese;
    for (const auto& column : HistoryExportPresenter::columns()) {
        chinese.push_back(column.id == "Payee" ? "收款单位" : "列 " + column.id);
    }
    p.start(paid, static_cast<std::int64_t>(want.size()), dest, chinese);
    CHECK(p.running());
    REQUIRE(t.ui.run_until([&] { return view.finished; }));
    CHECK_FALSE(p.running());
    CHECK(view.problem.empty());
    CHECK_FALSE(view.cancelled);
    CHECK(view.written == static_cast<std::int64_t>(want.size()));
    CHECK(view.destination == path_to_utf8(dest));    // the view says where the file went
    CHECK(view.progress.size() >= want.size() / 150); // progress after every chunk
    for (std::size_t i = 1; i < view.progress.size(); ++i) {
        CHECK(view.progress[i].written > view.progress[i - 1].written);
    }

    const auto text = read_file(dest);
    REQUIRE(text.substr(0, 3) == "\xEF\xBB\xBF");
    const auto rows = parse_csv(text.substr(3));
    REQUIRE(rows.size() == want.size() + 1);
    CHECK(rows[0] == chinese);
    CHECK(rows[0][2] == "收款单位");
    for (std::size_t r = 1; r < rows.size(); ++r) {
        const auto e = seed.entry(want[r - 1]);
        REQUIRE(rows[r].size() == 9);
        CHECK(rows[r][0] == store::to_utc_iso8601(e.at));
        CHECK(rows[r][1] == e.bill_id);
        // A payee that looks like a formula is defused; every other one is byte-identical.
        CHECK(rows[r][2] == (e.payee[0] == '=' ? "'" + e.payee : e.payee));
        CHECK(rows[r][5] == to_decimal_string(e.amount));
        CHECK(rows[r][6] == "paid");
    }
    CHECK(text.find("福州水务集团") != std::string::npos);
    CHECK(text.find("'=HYPERLINK") != std::string::npos);
}

TEST_CASE("a cancelled export leaves no file, not even a partial one", "[ui-logic][app]") {
    test::AppTestContext t;
    t.vault->run_and_wait([&](store::Vault& v) {
        seed.append(v, 2000);
        return 0;
    });
    const auto before = files_in(t.dir.path());
    RecordingExportView view;
    HistoryExportPresenter p(*t.context, view, 100);
    view.on_progress = [&] {
        if (view.progress.size() == 3) { // two chunks written
            p.cancel();
        }
    };
    p.start({}, 2000, t.dir.path() / "history.csv", english_columns());
    REQUIRE(t.ui.run_until([&] { return view.finished; }));
    CHECK(view.cancelled);
    CHECK(view.written < 2000);
    t.vault->run_and_wait([](store::Vault&) { return 0; }); // the clean-up job has run
    CHECK(files_in(t.dir.path()) == before);
}

TEST_CASE("an export to a folder that cannot be written says so and leaves nothing",
          "[ui-logic][app]") {
    test::AppTestContext t;
    t.vault->run_and_wait([&](store::Vault& v) {
        seed.append(v, 10);
        return 0;
    });
    RecordingExportView view;
    HistoryExportPresenter p(*t.context, view);
    p.start({}, 10, t.dir.path() / "missing-folder" / "history.csv", english_columns());
    REQUIRE(t.ui.run_until([&] { return view.finished; }));
    CHECK_FALSE(view.cancelled);
    CHECK(view.problem.id == "The export could not be written. Check that the disk has space "
                             "and that you may write to the folder.");
    CHECK_FALSE(std::filesystem::exists(t.dir.path() / "missing-folder"));
}
