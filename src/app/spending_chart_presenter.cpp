#include "app/spending_chart_presenter.h"

#include "app/bills_presenter.h"
#include "app/payment_history_filter.h"

#include <array>
#include <cstdio>
#include <map>

namespace cd::app {
namespace {

using namespace std::chrono;

Message month_label(const std::string& key) {
    static constexpr std::array<const char*, 12> names = {
        N_("Jan {0}"), N_("Feb {0}"), N_("Mar {0}"), N_("Apr {0}"), N_("May {0}"), N_("Jun {0}"),
        N_("Jul {0}"), N_("Aug {0}"), N_("Sep {0}"), N_("Oct {0}"), N_("Nov {0}"), N_("Dec {0}")};
    int y = 0;
    unsigned m = 0;
    if (key.size() != 7 || std::sscanf(key.c_str(), "%4d-%2u", &y, &m) != 2 || m < 1 || m > 12) {
        return Message{key, {}}; // not a month: shown as it is
    }
    return msg(names[m - 1], {std::to_string(y)});
}

} // namespace

std::vector<std::string> last_twelve_months(system_clock::time_point now, int utc_offset_minutes) {
    const year_month_day today{floor<days>(now + minutes(utc_offset_minutes))};
    year_month ym = today.year() / today.month();
    ym -= months(11);
    std::vector<std::string> out;
    for (int i = 0; i < 12; ++i, ym += months(1)) {
        char buf[16];
        std::snprintf(buf, sizeof buf, "%04d-%02u", static_cast<int>(ym.year()),
                      static_cast<unsigned>(ym.month()));
        out.emplace_back(buf);
    }
    return out;
}

SpendingChart make_spending_chart(const std::vector<std::string>& months,
                                  const std::vector<store::PeriodTotal>& monthly,
                                  const std::vector<store::PeriodTotal>& by_category) {
    std::map<std::string, const store::PeriodTotal*> found;
    for (const auto& t : monthly) {
        found[t.key] = &t;
    }
    SpendingChart chart;
    for (const auto& key : months) {
        ChartBar bar{key, month_label(key), {}, 0};
        if (auto it = found.find(key); it != found.end()) {
            bar.amount = it->second->total;
            bar.count = it->second->count;
        }
        chart.total = chart.total + bar.amount;
        chart.months.push_back(std::move(bar));
    }
    for (const auto& t : by_category) { // the ledger sorts them largest first
        chart.categories.push_back(ChartBar{t.key, bill_kind_title(t.key), t.total, t.count});
    }
    return chart;
}

std::vector<ChartTableRow> chart_table(const std::vector<ChartBar>& bars) {
    std::vector<ChartTableRow> rows;
    for (const auto& b : bars) {
        rows.push_back({b.label, to_decimal_string(b.amount), b.count});
    }
    return rows;
}

SpendingChartPresenter::SpendingChartPresenter(AppContext& context, SpendingChartView& view)
    : context_(context), view_(view) {
    // Subscribed here, not in the initialiser list: lifetime_ must exist to guard the listener.
    events_ = Subscription(context.events, lifetime_.guard([this](AppEvent e) {
        if (e == AppEvent::payment_recorded || e == AppEvent::vault_unlocked) {
            refresh();
        }
    }));
}

void SpendingChartPresenter::refresh() {
    const int number = ++generation_;
    const auto now = context_.now();
    const int offset = local_utc_offset_minutes(now);
    const auto months = last_twelve_months(now, offset);
    // From the first local day of the oldest month to the end of the current one.
    const year_month_day today{floor<days>(now + minutes(offset))};
    const year_month current = today.year() / today.month();
    const auto start_of = [offset](year_month ym) {
        return system_clock::time_point(sys_days(ym / day(1))) - minutes(offset);
    };
    store::LedgerFilter filter;
    filter.from = start_of(current - std::chrono::months(11));
    filter.until = start_of(current + std::chrono::months(1));
    chart_.loading = true;
    view_.show_chart(chart_);
    struct Totals {
        std::vector<store::PeriodTotal> monthly;
        std::vector<store::PeriodTotal> categories;
    };
    context_.vault.run<Totals>(
        [filter, offset](store::Vault& v) -> Result<Totals> {
            store::PaymentLedger ledger(v);
            auto monthly = ledger.monthly_totals(filter, offset);
            if (!monthly) {
                return monthly.error();
            }
            auto categories = ledger.category_totals(filter);
            if (!categories) {
                return categories.error();
            }
            return Totals{std::move(*monthly), std::move(*categories)};
        },
        lifetime_.guard([this, number, months](Result<Totals> r) {
            if (number != generation_) {
                return;
            }
            if (!r) {
                chart_ = make_spending_chart(months, {}, {});
                chart_.problem = r.error().message_for_user();
            } else {
                chart_ = make_spending_chart(months, r->monthly, r->categories);
            }
            view_.show_chart(chart_);
        }));
}

} // namespace cd::app
