// Reminders: which bills, how many days ahead (the preference), once per bill per day.
#include "app/bill_reminders.h"
#include "app/bills_presenter.h"
#include "app_test_context.h"
#include "catch.hpp"
#include "store/preferences.h"

using namespace cd;
using namespace cd::test;

namespace {

api::Bill due_on(const std::string& id, const std::string& date) {
    api::Bill b;
    b.id = id;
    b.due_date = date;
    b.status = "due";
    return b;
}

// Noon local time on a YYYY-MM-DD date.
std::chrono::system_clock::time_point local_noon(int y, int m, int d) {
    std::tm tm{};
    tm.tm_year = y - 1900;
    tm.tm_mon = m - 1;
    tm.tm_mday = d;
    tm.tm_hour = 12;
    tm.tm_isdst = -1;
    return std::chrono::system_clock::from_time_t(std::mktime(&tm));
}

} // namespace

TEST_CASE("bills within the reminder window, overdue ones too, not twice a day",
          "[ui-logic][app][reminders]") {
    const std::vector<api::Bill> due{due_on("a", "2026-11-28"), due_on("b", "2026-12-01"),
                                     due_on("c", "2026-12-02"), due_on("d", "2026-11-20")};
    auto ids = [](const std::vector<api::Bill>& bills) {
        std::vector<std::string> out;
        for (const auto& b : bills) {
            out.push_back(b.id);
        }
        return out;
    };
    CHECK(ids(app::bills_to_remind(due, "2026-11-28", 3, {})) ==
          std::vector<std::string>{"a", "b", "d"});
    CHECK(ids(app::bills_to_remind(due, "2026-11-28", 4, {"a"})) ==
          std::vector<std::string>{"b", "c", "d"});
    CHECK(ids(app::bills_to_remind(due, "2026-11-28", 0, {})) ==
          std::vector<std::string>{"a", "d"});
}

TEST_CASE("reminders use the configured days, notify once per bill per day, again next day",
          "[ui-logic][app][reminders]") {
    AppTestContext t;
    t.sign_in();
    // The demo bills fall due on the 20th of next month (and the fund top-up later).
    const auto now = std::chrono::system_clock::now();
    const std::string today = app::local_date(now);
    int y = std::stoi(today.substr(0, 4));
    int m = std::stoi(today.substr(5, 2));
    const int ny = m == 12 ? y + 1 : y;
    const int nm = m == 12 ? 1 : m + 1;
    auto clock = local_noon(ny, nm, 15); // five days before the 20th
    t.context->now = [&] {
        return clock;
    };

    app::BillReminders reminders(*t.context);
    int sent = -1;
    reminders.check([&](int n) { sent = n; });
    REQUIRE(t.ui.run_until([&] { return sent >= 0; }));
    CHECK(sent == 0); // the default is 3 days: not yet
    CHECK(t.notifier.sent().empty());

    t.vault->run_and_wait([](store::Vault& v) {
        return store::Preferences(v).set(app::reminder_days_key, "5").ok();
    });
    sent = -1;
    reminders.check([&](int n) { sent = n; });
    REQUIRE(t.ui.run_until([&] { return sent >= 0; }));
    CHECK(sent == 7); // one due bill per kind on the 20th
    REQUIRE(t.notifier.sent().size() == 7);
    CHECK(t.notifier.sent()[0].first.id == "A bill is due soon");
    CHECK(t.notifier.sent()[0].second.args.size() == 3);

    sent = -1;
    reminders.check([&](int n) { sent = n; }); // later the same day: nothing again
    REQUIRE(t.ui.run_until([&] { return sent >= 0; }));
    CHECK(sent == 0);

    // A restart the same day remembers (the record is in the vault).
    app::BillReminders restarted(*t.context);
    sent = -1;
    restarted.check([&](int n) { sent = n; });
    REQUIRE(t.ui.run_until([&] { return sent >= 0; }));
    CHECK(sent == 0);

    clock = local_noon(ny, nm, 16); // the next day: reminded again
    sent = -1;
    restarted.check([&](int n) { sent = n; });
    REQUIRE(t.ui.run_until([&] { return sent >= 0; }));
    CHECK(sent == 7);
    CHECK(t.notifier.sent().size() == 14);
}
