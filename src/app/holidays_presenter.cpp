#include "app/holidays_presenter.h"

#include "app/station_hours.h"

#include <algorithm>

namespace cd::app {

HolidaysPresenter::HolidaysPresenter(AppContext& context, HolidaysView& view)
    : context_(context), view_(view) {
    online_ = Subscription(context_.events, lifetime_.guard([this](AppEvent event) {
        if (event == AppEvent::online && !loaded_) {
            refresh();
        }
    }));
}

void HolidaysPresenter::start() {
    if (!loaded_) {
        refresh();
    }
}

void HolidaysPresenter::refresh() {
    const CityClock today = city_clock(context_.now());
    view_.show_busy(true);
    call_platform<api::Holidays>(
        context_.platform, context_.ui,
        [year = today.year](api::PlatformClient& c, auto done) { c.holidays(year, done); },
        lifetime_.guard([this, today](Result<api::Holidays> result) {
            view_.show_busy(false);
            if (!result.ok()) {
                const Error& e = result.error();
                if (e.http_status == 404) {
                    view_.show_note(msg(N_("The holidays for {0} have not been published yet."),
                                        {std::to_string(today.year)}));
                } else if (e.kind == ErrorKind::network || e.kind == ErrorKind::timeout) {
                    view_.show_note(msg(N_("The platform cannot be reached. The holidays will "
                                           "appear when you are back online.")));
                } else {
                    view_.show_note(e.message_for_user());
                }
                return;
            }
            loaded_ = true;
            view_.show_note({});
            view_.show_year(arrange(*result, today.date()));
        }));
}

HolidayYear HolidaysPresenter::arrange(const api::Holidays& holidays, const std::string& today) {
    HolidayYear year;
    year.year = int(holidays.year);
    for (const auto& day : holidays.days) {
        HolidayRow row;
        row.date = day.date;
        row.name = day.name;
        row.off_day = day.is_off_day;
        row.kind = day.is_off_day ? msg(N_("Day off")) : msg(N_("Make-up working day"));
        (day.is_off_day ? year.off_days : year.working_days) += 1;
        year.days.push_back(std::move(row));
    }
    std::stable_sort(year.days.begin(), year.days.end(),
                     [](const auto& a, const auto& b) { return a.date < b.date; });
    auto next = std::find_if(year.days.begin(), year.days.end(),
                             [&](const HolidayRow& r) { return r.off_day && r.date >= today; });
    if (next == year.days.end()) {
        year.next = msg(N_("No more public holidays this year."));
    } else {
        // Mark every day off of that holiday from here on, so the view can shade the block.
        for (auto it = next; it != year.days.end() && it->name == next->name; ++it) {
            it->next = it->off_day;
        }
        year.next = msg(N_("Next holiday: {0}, from {1}"), {next->name, next->date});
    }
    return year;
}

} // namespace cd::app
