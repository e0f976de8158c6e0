#include "app/bills_presenter.h"

#include <algorithm>
#include <ctime>
#include <map>

namespace cd::app {

const std::vector<std::string>& bill_kinds() {
    static const std::vector<std::string> kinds{
        "water", "power", "gas", "telecom", "property", "traffic_fine", "social_insurance"};
    return kinds;
}

Message bill_kind_title(const std::string& kind) {
    if (kind == "water")
        return msg(N_("Water"));
    if (kind == "power")
        return msg(N_("Electricity"));
    if (kind == "gas")
        return msg(N_("Gas"));
    if (kind == "telecom")
        return msg(N_("Telephone and internet"));
    if (kind == "property")
        return msg(N_("Property fees"));
    if (kind == "traffic_fine")
        return msg(N_("Traffic fines"));
    if (kind == "social_insurance")
        return msg(N_("Social insurance"));
    return msg(N_("Other"));
}

std::string local_date(std::chrono::system_clock::time_point t) {
    const std::time_t seconds = std::chrono::system_clock::to_time_t(t);
    std::tm local{};
#ifdef _WIN32
    localtime_s(&local, &seconds);
#else
    localtime_r(&seconds, &local);
#endif
    char buf[16];
    std::strftime(buf, sizeof buf, "%Y-%m-%d", &local);
    return buf;
}

namespace {

std::optional<std::chrono::sys_days> parse_date(const std::string& text) {
    int y = 0;
    unsigned m = 0, d = 0;
    if (text.size() != 10 || std::sscanf(text.c_str(), "%4d-%2u-%2u", &y, &m, &d) != 3) {
        return std::nullopt;
    }
    std::chrono::year_month_day ymd{std::chrono::year{y}, std::chrono::month{m},
                                    std::chrono::day{d}};
    if (!ymd.ok()) {
        return std::nullopt;
    }
    return std::chrono::sys_days{ymd};
}

} // namespace

std::optional<int> days_between(const std::string& from, const std::string& to) {
    auto a = parse_date(from);
    auto b = parse_date(to);
    if (!a || !b) {
        return std::nullopt;
    }
    return static_cast<int>((*b - *a).count());
}

std::vector<BillGroup> group_bills(const std::vector<api::Bill>& bills, const std::string& today,
                                   bool chinese) {
    std::map<std::string, BillGroup> by_kind;
    for (const auto& bill : bills) {
        if (bill.status != "due") {
            continue;
        }
        BillRow row;
        row.bill = bill;
        row.payee = localized(bill.provider, chinese);
        row.days_left = days_between(today, bill.due_date).value_or(0);
        row.overdue = row.days_left < 0;
        auto& group = by_kind[bill.kind];
        group.kind = bill.kind;
        group.title = bill_kind_title(bill.kind);
        group.total = group.total + bill.amount;
        group.bills.push_back(std::move(row));
    }
    std::vector<BillGroup> out;
    auto take = [&](const std::string& kind) {
        auto it = by_kind.find(kind);
        if (it == by_kind.end()) {
            return;
        }
        auto& rows = it->second.bills;
        std::stable_sort(rows.begin(), rows.end(), [](const BillRow& a, const BillRow& b) {
            return a.bill.due_date < b.bill.due_date;
        });
        out.push_back(std::move(it->second));
        by_kind.erase(it);
    };
    for (const auto& kind : bill_kinds()) {
        take(kind);
    }
    while (!by_kind.empty()) { // kinds this version does not know, last
        take(by_kind.begin()->first);
    }
    return out;
}

BillsPresenter::BillsPresenter(AppContext& context, BillsView& view, PaymentResolver* resolver)
    : resolver_(resolver), context_(context), view_(view) {
    events_ = Subscription(context_.events, lifetime_.guard([this](AppEvent e) {
        if (e == AppEvent::signed_in || e == AppEvent::online || e == AppEvent::payment_recorded) {
            reload(); // the resolver follows these events itself
        } else if (e == AppEvent::signed_out) {
            context_.data.freshness().cleared(Tab::payments, "bills");
            state_ = BillsState{};
            show();
        }
    }));
    state_.signed_in = context_.data.signed_in();
    if (state_.signed_in) {
        reload();
    } else {
        show();
    }
}

void BillsPresenter::refresh() {
    if (resolver_ != nullptr) {
        resolver_->resolve_all();
    }
    reload();
}

void BillsPresenter::reload() {
    state_.signed_in = context_.data.signed_in();
    if (!state_.signed_in) {
        show();
        return;
    }
    state_.loading = true;
    state_.problem = {};
    show();
    const int generation = ++generation_;
    call_platform<api::BillList>(
        context_.platform, context_.ui,
        [](api::PlatformClient& c, auto done) { c.bills("due", done); },
        lifetime_.guard([this, generation](Result<api::BillList> r) {
            if (generation != generation_) {
                return;
            }
            state_.loading = false;
            if (!r.ok()) {
                context_.data.freshness().failed(Tab::payments, "bills");
                state_.problem = r.error().message_for_user();
                show();
                return;
            }
            context_.data.freshness().fresh(Tab::payments, "bills", context_.now());
            state_.groups = group_bills(r->bills, local_date(context_.now()), context_.chinese);
            mark_pending();
            state_.total_due = Money{};
            state_.overdue = 0;
            for (const auto& g : state_.groups) {
                state_.total_due = state_.total_due + g.total;
                for (const auto& row : g.bills) {
                    state_.overdue += row.overdue ? 1 : 0;
                }
            }
            show();
        }));
    if (context_.vault.unlocked()) {
        context_.vault.run<std::vector<store::PaymentEntry>>(
            [citizen = context_.data.citizen_id()](store::Vault& v) {
                return store::PaymentLedger(v).unresolved_of(citizen, true);
            },
            lifetime_.guard([this, generation](Result<std::vector<store::PaymentEntry>> open) {
                if (generation != generation_ || !open.ok()) {
                    return;
                }
                pending_bills_.clear();
                for (const auto& e : *open) {
                    pending_bills_.push_back(e.bill_id);
                }
                mark_pending();
                show();
            }));
    }
    call_platform<std::vector<api::Account>>(
        context_.platform, context_.ui, [](api::PlatformClient& c, auto done) { c.accounts(done); },
        lifetime_.guard([this, generation](Result<std::vector<api::Account>> r) {
            if (generation != generation_ || !r.ok()) {
                return;
            }
            state_.accounts = std::move(*r);
            show();
        }));
}

void BillsPresenter::add_account(const std::string& kind, const std::string& number,
                                 const std::string& label) {
    std::string trimmed = number;
    trimmed.erase(0, trimmed.find_first_not_of(" \t"));
    trimmed.erase(trimmed.find_last_not_of(" \t") + 1);
    if (std::find(bill_kinds().begin(), bill_kinds().end(), kind) == bill_kinds().end()) {
        view_.show_account_result(msg(N_("Choose what kind of account this is.")));
        return;
    }
    if (trimmed.size() < 4 || trimmed.size() > 32 ||
        trimmed.find_first_of("0123456789") == std::string::npos) {
        view_.show_account_result(
            msg(N_("Enter the account number as it is printed on the bill (4 to 32 characters, "
                   "with at least one digit).")));
        return;
    }
    api::NewAccount account{kind, trimmed, label};
    call_platform<api::Account>(
        context_.platform, context_.ui,
        [account](api::PlatformClient& c, auto done) { c.add_account(account, done); },
        lifetime_.guard([this](Result<api::Account> r) {
            if (!r.ok()) {
                if (r.error().http_status == 409) {
                    view_.show_account_result(msg(N_("This account is in your list already.")));
                } else if (r.error().http_status == 422) {
                    view_.show_account_result(
                        msg(N_("The platform does not accept this account number. Check it "
                               "against a bill.")));
                } else {
                    view_.show_account_result(r.error().message_for_user());
                }
                return;
            }
            view_.show_account_result({});
            reload();
        }));
}

void BillsPresenter::remove_account(const std::string& account_id) {
    call_platform<cd::Done>(
        context_.platform, context_.ui,
        [account_id](api::PlatformClient& c, auto done) { c.remove_account(account_id, done); },
        lifetime_.guard([this](Result<cd::Done> r) {
            view_.show_account_result(r.ok() ? Message{} : r.error().message_for_user());
            if (r.ok()) {
                reload();
            }
        }));
}

std::optional<api::Bill> BillsPresenter::find(const std::string& bill_id) const {
    for (const auto& g : state_.groups) {
        for (const auto& row : g.bills) {
            if (row.bill.id == bill_id) {
                return row.bill;
            }
        }
    }
    return std::nullopt;
}

std::optional<bool> BillsPresenter::pending_of(const std::string& bill_id) const {
    for (const auto& g : state_.groups) {
        for (const auto& row : g.bills) {
            if (row.bill.id == bill_id) {
                return row.pending;
            }
        }
    }
    return std::nullopt;
}

void BillsPresenter::mark_pending() {
    for (auto& g : state_.groups) {
        for (auto& row : g.bills) {
            row.pending = std::find(pending_bills_.begin(), pending_bills_.end(), row.bill.id) !=
                          pending_bills_.end();
        }
    }
}

void BillsPresenter::show() {
    view_.show_bills(state_);
}

} // namespace cd::app
