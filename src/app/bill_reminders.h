// Desktop reminders for bills: a notification when a due bill is at most N days from its due
// date (N = Preferences "payments.reminder_days", default 3) or overdue, at most once per bill
// per day (the bills reminded today are kept in Preferences "payments.reminded", so a restart
// does not repeat them). Checks at start, after unlock and sign-in; the page calls check() from
// a timer for the daily round.
#pragma once

#include "api/platform_types.h"
#include "app/app_context.h"

#include <functional>
#include <string>
#include <vector>

namespace cd::app {

inline constexpr const char* reminder_days_key = "payments.reminder_days";
inline constexpr const char* reminded_key = "payments.reminded";
inline constexpr int default_reminder_days = 3;

// The bills to remind of today: due within `days` days of `today` (or overdue), not in
// `already` (bill ids reminded today).
std::vector<api::Bill> bills_to_remind(const std::vector<api::Bill>& due, const std::string& today,
                                       int days, const std::vector<std::string>& already);

class BillReminders {
public:
    explicit BillReminders(AppContext& context);

    // Runs one round; `done` (optional) gets how many notifications were sent. Called while a
    // round runs, it runs another round after that one.
    void check(std::function<void(int)> done = {});

private:
    void notify_bills(const std::vector<api::Bill>& due, int days, std::string reminded,
                      std::function<void(int)> done);

    AppContext& context_;
    void round_done(const std::function<void(int)>& done, int sent);

    bool running_ = false;
    std::vector<std::function<void(int)>> queued_; // callers waiting for the next round
    Subscription events_;
    Lifetime lifetime_; // last
};

} // namespace cd::app
