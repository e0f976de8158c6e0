// "Bills due" on My Payments: the citizen's due bills grouped by kind (water, power, gas,
// telecom, property, traffic fines, social insurance) with amount, due date and overdue marking,
// and the accounts they come from (add one, remove one). Refreshes when the citizen signs in,
// when the platform is back online and when the ledger records a payment. The citizen's
// Refresh also asks the platform about the citizen's pending payments (PaymentResolver).
#pragma once

#include "api/platform_types.h"
#include "app/app_context.h"
#include "app/payment_resolver.h"
#include "core/message.h"
#include "core/money.h"
#include "store/payment_ledger.h"

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace cd::app {

// The kinds in the order the screen shows them.
const std::vector<std::string>& bill_kinds();
// "Water", "Traffic fines", ... (a message id; an unknown kind gets "Other").
Message bill_kind_title(const std::string& kind);

// The citizen's local date, "2026-11-28".
std::string local_date(std::chrono::system_clock::time_point t);
// Days from `from` to `to` (both "YYYY-MM-DD"); nullopt when either is malformed.
std::optional<int> days_between(const std::string& from, const std::string& to);

struct BillRow {
    api::Bill bill;
    std::string payee; // the provider in the display language
    bool overdue = false;
    int days_left = 0;    // negative when overdue
    bool pending = false; // the ledger holds a payment for it whose outcome is not known yet
};

struct BillGroup {
    std::string kind;
    Message title;
    std::vector<BillRow> bills; // soonest due first
    Money total;
};

// Groups due bills by kind in bill_kinds() order; `today` is the local date.
std::vector<BillGroup> group_bills(const std::vector<api::Bill>& bills, const std::string& today,
                                   bool chinese);

struct BillsState {
    bool signed_in = false;
    bool loading = false;
    std::vector<BillGroup> groups;
    Money total_due;
    int overdue = 0;
    std::vector<api::Account> accounts;
    Message problem; // why the list could not be loaded (empty when fine)
};

class BillsView {
public:
    virtual ~BillsView() = default;
    virtual void show_bills(const BillsState& state) = 0;
    // The outcome of adding or removing an account: empty problem = done.
    virtual void show_account_result(const Message& problem) = 0;
};

class BillsPresenter {
public:
    // `resolver`: whom Refresh asks to settle pending payments (none: the list only).
    BillsPresenter(AppContext& context, BillsView& view, PaymentResolver* resolver = nullptr);

    // The citizen's Refresh: settles pending payments with the platform, reloads the list.
    void refresh();
    void add_account(const std::string& kind, const std::string& number, const std::string& label);
    void remove_account(const std::string& account_id);

    const BillsState& state() const { return state_; }
    // The due bill with this id, if listed.
    std::optional<api::Bill> find(const std::string& bill_id) const;
    // Whether the listed bill has a payment of unknown outcome (nullopt: not listed).
    std::optional<bool> pending_of(const std::string& bill_id) const;

private:
    void reload();
    void show();
    void mark_pending();

    PaymentResolver* resolver_ = nullptr;
    std::vector<std::string> pending_bills_; // bill ids of unresolved ledger entries
    AppContext& context_;
    BillsView& view_;
    BillsState state_;
    int generation_ = 0; // answers to an older refresh are dropped
    Subscription events_;
    Lifetime lifetime_; // last: destroyed first, so late results are dropped
};

} // namespace cd::app
