// My Payments' History under Xvfb with a seeded vault: the virtual list shows the ledger's
// rows newest first, the totals line counts them, a filter narrows them, and the chart's
// table holds the same numbers.
#include "catch.hpp"

#include "ledger_seed.h"
#include "linked_window.h"

#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/listctrl.h>
#include <wx/notebook.h>
#include <wx/stattext.h>

#include <cstdlib>

using cd::app::ConnectionState;
using cd::test::LinkedWindow;
using cd::test::wait_until;
using namespace std::chrono;

TEST_CASE("the history panel lists a seeded ledger newest first and filters it", "[ui]") {
    setenv("CITIZENDESK_NO_START_DIALOGS", "1", 1);
    LinkedWindow window(cd::test::demo_plan());
    REQUIRE(window.create_vault());
    constexpr int count = 5000;
    const cd::test::LedgerSeed seed{system_clock::now() - hours(7) * count};
    window.context().vault.run_and_wait([&](cd::store::Vault& v) {
        seed.append(v, count);
        return 0;
    });
    window.context().events.publish(cd::app::AppEvent::payment_recorded);

    auto* notebook = dynamic_cast<wxNotebook*>(wxWindow::FindWindowByName("payments-notebook"));
    REQUIRE(notebook != nullptr);
    notebook->SetSelection(1);
    auto* list = dynamic_cast<wxListCtrl*>(wxWindow::FindWindowByName("payment-history-list"));
    auto* totals = dynamic_cast<wxStaticText*>(wxWindow::FindWindowByName("history-totals"));
    REQUIRE(list != nullptr);
    REQUIRE(totals != nullptr);
    REQUIRE(wait_until([&] { return list->GetItemCount() == count; }, seconds(20)));
    const auto newest = seed.entry(count - 1);
    REQUIRE(wait_until([&] { return list->GetItemText(0, 1) == wxString::FromUTF8(newest.payee); },
                       seconds(20)));
    REQUIRE(wait_until([&] { return totals->GetLabel().Contains("Paid:"); }, seconds(20)));
    CHECK(totals->GetLabel().StartsWith("5000 payments"));
    // A row far down comes on demand.
    const auto deep = seed.entry(count - 1 - 4321);
    REQUIRE(wait_until([&] { return list->GetItemText(4321, 1) == wxString::FromUTF8(deep.payee); },
                       seconds(20)));

    // The status filter: only declined ones (every 10th entry).
    auto* status = dynamic_cast<wxChoice*>(wxWindow::FindWindowByName("history-status"));
    REQUIRE(status != nullptr);
    status->SetSelection(2); // Any, Paid, Declined, ...
    wxCommandEvent choice(wxEVT_CHOICE, status->GetId());
    choice.SetEventObject(status);
    status->GetEventHandler()->ProcessEvent(choice);
    REQUIRE(wait_until([&] { return list->GetItemCount() == count / 10; }, seconds(20)));
    REQUIRE(wait_until([&] { return list->GetItemText(0, 4) == "Declined"; }, seconds(20)));

    // The chart's numbers as a table: 12 months and the 7 categories.
    auto* as_table = dynamic_cast<wxCheckBox*>(wxWindow::FindWindowByName("chart-as-table"));
    auto* table = dynamic_cast<wxListCtrl*>(wxWindow::FindWindowByName("chart-table"));
    REQUIRE(as_table != nullptr);
    REQUIRE(table != nullptr);
    as_table->SetValue(true);
    wxCommandEvent toggle(wxEVT_CHECKBOX, as_table->GetId());
    toggle.SetInt(1);
    toggle.SetEventObject(as_table);
    as_table->GetEventHandler()->ProcessEvent(toggle);
    REQUIRE(wait_until([&] { return table->GetItemCount() == 12 + 7; }, seconds(20)));
    CHECK(table->IsShown());
}
