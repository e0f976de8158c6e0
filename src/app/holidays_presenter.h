// The holidays screen of My Life: this year's public holidays and make-up working days (the
// State Council's notice, in holiday-cn's format), in date order, the next holiday marked.
#pragma once

#include "app/app_context.h"

#include <string>
#include <vector>

namespace cd::app {

struct HolidayRow {
    std::string date; // "2026-10-01"
    std::string name; // as the notice names it (Chinese)
    bool off_day = false;
    Message kind;      // "Day off" / "Make-up working day"
    bool next = false; // the first day off of the next (or current) holiday
};

struct HolidayYear {
    int year = 0;
    std::vector<HolidayRow> days;
    int off_days = 0;
    int working_days = 0;
    Message next; // "Next holiday: {0} on {1}" or "No more public holidays this year"
};

class HolidaysView {
public:
    virtual ~HolidaysView() = default;
    virtual void show_busy(bool busy) = 0;
    virtual void show_year(const HolidayYear& year) = 0;
    virtual void show_note(const Message& note) = 0; // empty clears
};

class HolidaysPresenter {
public:
    HolidaysPresenter(AppContext& context, HolidaysView& view);

    void start(); // loads the current year (city time), once
    void refresh();

    // Pure: the rows for `holidays` with the next holiday from `today` ("YYYY-MM-DD") marked.
    static HolidayYear arrange(const api::Holidays& holidays, const std::string& today);

private:
    AppContext& context_;
    HolidaysView& view_;
    bool loaded_ = false;
    Subscription online_;
    Lifetime lifetime_; // last
};

} // namespace cd::app
