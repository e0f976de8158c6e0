// Bills due grouped by kind with overdue marking, and adding/removing an account, against the
// reference platform; the receipt text model.
#include "app/bills_presenter.h"
#include "app/receipt_text.h"
#include "catch.hpp"
#include "payment_fixture.h"

#include <fstream>
#include <iterator>

using namespace cd;
using namespace cd::test;

namespace {

api::Bill bill(const std::string& id, const std::string& kind, const std::string& due,
               std::int64_t fen) {
    api::Bill b;
    b.id = id;
    b.kind = kind;
    b.due_date = due;
    b.amount = Money::from_fen(fen);
    b.status = "due";
    b.provider = {"水务", "Water Co"};
    return b;
}

struct RecordingBillsView final : app::BillsView {
    std::vector<app::BillsState> shown;
    std::vector<Message> account_results;
    void show_bills(const app::BillsState& s) override { shown.push_back(s); }
    void show_account_result(const Message& m) override { account_results.push_back(m); }
};

} // namespace

TEST_CASE("due bills are grouped by kind in a fixed order, soonest first, overdue marked",
          "[ui-logic][app][bills]") {
    std::vector<api::Bill> bills{
        bill("g1", "gas", "2026-12-20", 4500), bill("w2", "water", "2026-12-20", 3000),
        bill("w1", "water", "2026-11-20", 2800), bill("t1", "traffic_fine", "2026-11-27", 20000),
        bill("x1", "parking", "2026-12-01", 500)};
    bills.push_back(bill("p1", "power", "2026-12-01", 100));
    bills.back().status = "paid"; // not due: left out

    const auto groups = app::group_bills(bills, "2026-11-28", false);
    REQUIRE(groups.size() == 4);
    CHECK(groups[0].kind == "water");
    CHECK(groups[1].kind == "gas");
    CHECK(groups[2].kind == "traffic_fine");
    CHECK(groups[3].kind == "parking"); // unknown kinds last
    CHECK(groups[3].title.id == "Other");
    CHECK(groups[0].title.id == "Water");
    REQUIRE(groups[0].bills.size() == 2);
    CHECK(groups[0].bills[0].bill.id == "w1");
    CHECK(groups[0].bills[0].overdue);
    CHECK(groups[0].bills[0].days_left == -8);
    CHECK_FALSE(groups[0].bills[1].overdue);
    CHECK(groups[0].bills[1].days_left == 22);
    CHECK(groups[0].total == Money::from_fen(5800));
    CHECK(groups[2].bills[0].overdue);
    CHECK(groups[0].bills[0].payee == "Water Co");
    CHECK(app::group_bills(bills, "2026-11-28", true)[0].bills[0].payee == "水务");
    CHECK(app::days_between("2026-12-31", "2027-01-01") == 1);
    CHECK_FALSE(app::days_between("2026-13-01", "2027-01-01"));
}

TEST_CASE("bills due load after sign-in, and adding and removing an account changes them",
          "[ui-logic][app][bills]") {
    AppTestContext t;
    RecordingBillsView view;
    app::BillsPresenter presenter(*t.context, view);
    REQUIRE_FALSE(view.shown.back().signed_in);

    t.sign_in(); // publishes signed_in: the presenter loads
    REQUIRE(t.ui.run_until([&] {
        return !view.shown.back().loading && !view.shown.back().groups.empty() &&
               !view.shown.back().accounts.empty();
    }));
    const auto& loaded = view.shown.back();
    CHECK(loaded.problem.empty());
    std::vector<std::string> kinds;
    Money sum;
    for (const auto& g : loaded.groups) {
        kinds.push_back(g.kind);
        sum = sum + g.total;
    }
    CHECK(kinds == app::bill_kinds()); // the demo citizen has a due bill of every kind
    CHECK(sum == loaded.total_due);
    const auto accounts_before = loaded.accounts.size();

    // A malformed number never reaches the platform.
    presenter.add_account("water", "12", "");
    REQUIRE(view.account_results.size() == 1);
    CHECK_FALSE(view.account_results.back().empty());

    presenter.add_account("water", " 3301029917 ", "Parents");
    REQUIRE(t.ui.run_until([&] {
        return view.account_results.size() == 2 &&
               view.shown.back().accounts.size() == accounts_before + 1 &&
               !view.shown.back().loading;
    }));
    CHECK(view.account_results.back().empty());
    std::string added_id;
    for (const auto& a : view.shown.back().accounts) {
        if (a.number == "3301029917") {
            added_id = a.id;
        }
    }
    REQUIRE_FALSE(added_id.empty());
    REQUIRE(view.shown.back().groups.at(0).kind == "water");
    CHECK(view.shown.back().groups[0].bills.size() == 2);

    presenter.add_account("water", "3301029917", "");
    REQUIRE(t.ui.run_until([&] { return view.account_results.size() == 3; }));
    CHECK(view.account_results.back().id == "This account is in your list already.");

    presenter.remove_account(added_id);
    REQUIRE(t.ui.run_until([&] {
        return view.account_results.size() == 4 &&
               view.shown.back().accounts.size() == accounts_before && !view.shown.back().loading;
    }));
    CHECK(view.shown.back().groups.at(0).bills.size() == 1);
}

TEST_CASE("a receipt renders as text and as escaped HTML and saves to a file",
          "[ui-logic][app][receipt]") {
    api::Receipt r;
    r.receipt_no = "R123456789";
    r.payment_id = "PAY-1";
    r.issued_at = "2026-11-28T09:00:00Z";
    r.payer = "*明";
    r.payee = {"海川水务集团", "Haichuan Water <Group>"};
    r.items.push_back({{"2026-11 账单", "Bill for 2026-11"}, "B-1", Money::from_fen(4210)});
    r.total = Money::from_fen(4210);
    r.method = "wallet";
    r.account_number = "WS-2031-7788";
    const auto doc = app::make_receipt(r, false, 480); // China's clock: 8 hours ahead of UTC
    const app::Translate plain = [](const Message& m) {
        return format_message(m.id, m.args);
    };
    const auto text = app::receipt_plain_text(doc, plain);
    CHECK(text.find("Receipt number: R123456789") != std::string::npos);
    CHECK(text.find("Payee: Haichuan Water <Group>") != std::string::npos);
    CHECK(text.find("Total: 42.10 yuan") != std::string::npos);
    CHECK(text.find("Issued: 2026-11-28 17:00") != std::string::npos); // local, not UTC
    CHECK(text.find("Account number: WS-2031-7788") != std::string::npos);
    CHECK(text.find("Item: Bill for 2026-11: 42.10 yuan") != std::string::npos); // with its unit
    CHECK(text.find("Paid with: Platform wallet") != std::string::npos);
    const auto html = app::receipt_html(doc, plain);
    CHECK(html.find("Haichuan Water &lt;Group&gt;") != std::string::npos);
    CHECK(html.find("<meta charset=\"utf-8\">") != std::string::npos);
    CHECK(app::receipt_file_name(doc, "html") == "receipt-R123456789.html");
    CHECK(app::receipt_file_name(doc, "pdf") == "receipt-R123456789.pdf");

    TempDir dir;
    QueueDispatcher ui;
    app::InlineTaskRunner worker;
    bool saved = false;
    app::save_text_file(worker, ui, dir.path() / "r.txt", text, [&](Status s) { saved = s.ok(); });
    REQUIRE(ui.run_until([&] { return saved; }));
    std::ifstream in(dir.path() / "r.txt");
    std::string back((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    CHECK(back == text);
}
