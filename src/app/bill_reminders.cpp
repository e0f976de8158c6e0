#include "app/bill_reminders.h"

#include "app/bills_presenter.h"
#include "core/money.h"
#include "store/preferences.h"

#include <algorithm>
#include <optional>
#include <sstream>

namespace cd::app {

std::vector<api::Bill> bills_to_remind(const std::vector<api::Bill>& due, const std::string& today,
                                       int days, const std::vector<std::string>& already) {
    std::vector<api::Bill> out;
    for (const auto& bill : due) {
        if (bill.status != "due" ||
            std::find(already.begin(), already.end(), bill.id) != already.end()) {
            continue;
        }
        auto left = days_between(today, bill.due_date);
        if (left && *left <= days) {
            out.push_back(bill);
        }
    }
    return out;
}

namespace {

struct ReminderSettings {
    int days = default_reminder_days;
    std::string reminded; // "2026-11-28:B-1,B-2"
};

// The ids in `reminded` when it is today's record; otherwise none.
std::vector<std::string> reminded_today(const std::string& reminded, const std::string& today) {
    std::vector<std::string> ids;
    if (reminded.rfind(today + ":", 0) != 0) {
        return ids;
    }
    std::stringstream list(reminded.substr(today.size() + 1));
    for (std::string id; std::getline(list, id, ',');) {
        if (!id.empty()) {
            ids.push_back(id);
        }
    }
    return ids;
}

} // namespace

BillReminders::BillReminders(AppContext& context) : context_(context) {
    events_ = Subscription(context_.events, lifetime_.guard([this](AppEvent e) {
        if (e == AppEvent::vault_unlocked || e == AppEvent::signed_in) {
            check();
        }
    }));
    check();
}

void BillReminders::check(std::function<void(int)> done) {
    if (running_) {
        queued_.push_back(done ? std::move(done) : [](int) {});
        return;
    }
    if (!context_.vault.unlocked() || !context_.data.signed_in()) {
        if (done) {
            done(0);
        }
        return;
    }
    running_ = true;
    auto finish = [this, done](int n) {
        round_done(done, n);
    };
    context_.vault.run<ReminderSettings>(
        [](store::Vault& v) -> Result<ReminderSettings> {
            store::Preferences prefs(v);
            ReminderSettings s;
            auto days = prefs.get(reminder_days_key);
            if (days.ok() && *days) {
                try {
                    s.days = std::clamp(std::stoi(**days), 0, 60);
                } catch (const std::exception&) {
                    s.days = default_reminder_days;
                }
            }
            auto reminded = prefs.get(reminded_key);
            if (reminded.ok() && *reminded) {
                s.reminded = **reminded;
            }
            return s;
        },
        lifetime_.guard([this, finish](Result<ReminderSettings> settings) {
            if (!settings.ok()) {
                finish(0);
                return;
            }
            call_platform<api::BillList>(
                context_.platform, context_.ui,
                [](api::PlatformClient& c, auto d) { c.bills("due", d); },
                lifetime_.guard([this, finish, s = *settings](Result<api::BillList> bills) {
                    if (!bills.ok()) {
                        finish(0);
                        return;
                    }
                    notify_bills(bills->bills, s.days, s.reminded, finish);
                }));
        }));
}

void BillReminders::notify_bills(const std::vector<api::Bill>& due, int days, std::string reminded,
                                 std::function<void(int)> done) {
    const std::string today = local_date(context_.now());
    auto already = reminded_today(reminded, today);
    auto now_due = bills_to_remind(due, today, days, already);
    for (const auto& bill : now_due) {
        const auto left = days_between(today, bill.due_date).value_or(0);
        const std::string payee = localized(bill.provider, context_.chinese);
        const std::string amount = to_decimal_string(bill.amount);
        if (left < 0) {
            context_.notifier.notify_about(
                NoticeKind::bill, msg(N_("A bill is overdue")),
                msg(N_("{0}: {1} yuan was due on {2}. Pay it on My Payments."),
                    {payee, amount, bill.due_date}));
        } else {
            context_.notifier.notify_about(
                NoticeKind::bill, msg(N_("A bill is due soon")),
                msg(N_("{0}: {1} yuan is due on {2}. Pay it on My Payments."),
                    {payee, amount, bill.due_date}));
        }
        already.push_back(bill.id);
    }
    const int sent = static_cast<int>(now_due.size());
    if (sent == 0) {
        done(0);
        return;
    }
    std::string record = today + ":";
    for (std::size_t i = 0; i < already.size(); ++i) {
        record += (i ? "," : "") + already[i];
    }
    context_.vault.run<cd::Done>(
        [record](store::Vault& v) -> Result<cd::Done> {
            return store::Preferences(v).set(reminded_key, record);
        },
        lifetime_.guard([done, sent](Result<cd::Done>) { done(sent); }));
}

void BillReminders::round_done(const std::function<void(int)>& done, int sent) {
    running_ = false;
    if (done) {
        done(sent);
    }
    if (!queued_.empty()) {
        auto waiting = std::move(queued_);
        queued_.clear();
        check([waiting](int n) {
            for (const auto& w : waiting) {
                w(n);
            }
        });
    }
}

} // namespace cd::app
