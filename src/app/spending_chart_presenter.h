// My Payments' charts: what the citizen paid per month over the last 12 months (the current
// month included, empty months as zero) and per category over the same months. The same
// numbers come as a table model, so a screen-reader user gets them without the drawing.
// Refreshes on AppEvent::payment_recorded and vault_unlocked.
#pragma once

#include "app/app_context.h"
#include "core/message.h"
#include "core/money.h"
#include "store/payment_ledger.h"

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

namespace cd::app {

struct ChartBar {
    std::string key; // "2026-11" for a month, the bill kind for a category
    Message label;   // "Nov 2026" style month label or the category's title
    Money amount;
    std::int64_t count = 0;
};

struct SpendingChart {
    bool loading = false;
    std::vector<ChartBar> months;     // oldest first, always 12
    std::vector<ChartBar> categories; // largest first
    Money total;
    Message problem;
};

// The 12 local months ending with the one `now` falls in, "2025-12" ... "2026-11".
std::vector<std::string> last_twelve_months(std::chrono::system_clock::time_point now,
                                            int utc_offset_minutes);
// The chart from the ledger's totals: every month of `months` present (zero when missing).
SpendingChart make_spending_chart(const std::vector<std::string>& months,
                                  const std::vector<store::PeriodTotal>& monthly,
                                  const std::vector<store::PeriodTotal>& by_category);

// The chart as table rows for a list: label, amount ("128.50"), payment count.
struct ChartTableRow {
    Message label;
    std::string amount;
    std::int64_t count = 0;
};
std::vector<ChartTableRow> chart_table(const std::vector<ChartBar>& bars);

class SpendingChartView {
public:
    virtual ~SpendingChartView() = default;
    virtual void show_chart(const SpendingChart& chart) = 0;
};

class SpendingChartPresenter {
public:
    SpendingChartPresenter(AppContext& context, SpendingChartView& view);

    void refresh();
    const SpendingChart& chart() const { return chart_; }

private:
    AppContext& context_;
    SpendingChartView& view_;
    SpendingChart chart_;
    int generation_ = 0;
    Subscription events_;
    Lifetime lifetime_; // last
};

} // namespace cd::app
