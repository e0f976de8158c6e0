// My Payments under Xvfb against the demo platform: pay a water bill through the real
// pay-confirm dialog; the bill leaves Bills due and the vault's ledger holds the paid entry.
#include "catch.hpp"

#include "core/money.h"
#include "linked_window.h"
#include "store/payment_ledger.h"
#include "temp_dir.h"
#include "ui/bills_panel.h"
#include "ui/pay_dialog.h"
#include "ui/receipt_pdf.h"
#include "ui/receipt_view.h"

#include <wx/button.h>
#include <wx/notebook.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

using cd::app::ConnectionState;

namespace {

std::string read_all(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// The text poppler reads from a PDF (pdftotext comes with poppler-utils, installed by
// installer/debian/install-deps.sh); empty when it cannot run.
std::string pdf_text(const std::filesystem::path& pdf) {
    const auto out = pdf.parent_path() / "receipt.txt";
    const std::string command =
        "pdftotext -enc UTF-8 '" + pdf.string() + "' '" + out.string() + "'";
    if (std::system(command.c_str()) != 0) {
        FAIL("pdftotext failed or is missing (installer/debian/install-deps.sh installs it)");
    }
    return read_all(out);
}

} // namespace
using cd::test::LinkedWindow;
using cd::test::wait_until;

TEST_CASE("paying a water bill in the demo: gone from Bills due, paid in the ledger", "[ui]") {
    setenv("CITIZENDESK_NO_START_DIALOGS", "1", 1);
    LinkedWindow window(cd::test::demo_plan());
    REQUIRE(window.reaches(ConnectionState::online));
    REQUIRE(window.create_vault());
    REQUIRE(window.sign_in());

    auto* panel = dynamic_cast<cd::ui::BillsPanel*>(wxWindow::FindWindowByName("bills-due"));
    REQUIRE(panel != nullptr);
    auto* notebook = dynamic_cast<wxNotebook*>(wxWindow::FindWindowByName("payments-notebook"));
    REQUIRE(notebook != nullptr);
    REQUIRE(notebook->GetPageCount() == 2);
    CHECK(notebook->GetPageText(0) == "Bills due");
    CHECK(notebook->GetPageText(1) == "History");

    std::string water;
    REQUIRE(wait_until(
        [&] {
            for (const auto& id : panel->listed_bills()) {
                if (id.find("-water-") != std::string::npos) {
                    water = id;
                }
            }
            return !water.empty();
        },
        std::chrono::seconds(20)));

    panel->pay(water);
    auto* dialog = dynamic_cast<cd::ui::PayDialog*>(wxWindow::FindWindowByName("pay-confirm"));
    REQUIRE(dialog != nullptr);
    REQUIRE(dialog->confirm_button()->IsEnabled());
    // Two clicks, as an impatient citizen would: one payment.
    for (int i = 0; i < 2; ++i) {
        wxCommandEvent click(wxEVT_BUTTON, dialog->confirm_button()->GetId());
        click.SetEventObject(dialog->confirm_button());
        dialog->confirm_button()->GetEventHandler()->ProcessEvent(click);
    }
    REQUIRE(wait_until([&] { return dialog->presenter().state().stage == cd::app::PayStage::paid; },
                       std::chrono::seconds(20)));
    CHECK(dialog->outcome_text().Contains("Receipt number"));
    CHECK_FALSE(dialog->confirm_button()->IsEnabled());

    REQUIRE(wait_until(
        [&] {
            const auto listed = panel->listed_bills();
            return !listed.empty() &&
                   std::find(listed.begin(), listed.end(), water) == listed.end();
        },
        std::chrono::seconds(20)));

    auto entries = window.context().vault.run_and_wait([&](cd::store::Vault& v) {
        std::vector<cd::store::PaymentEntry> out;
        auto page = cd::store::PaymentLedger(v).page({}, std::nullopt, 100);
        if (page.ok()) {
            for (const auto& e : page->entries) {
                if (e.bill_id == water) {
                    out.push_back(e);
                }
            }
        }
        return out;
    });
    REQUIRE(entries.size() == 1);
    CHECK(entries[0].status == cd::store::PaymentStatus::paid);
    CHECK(entries[0].receipt_number);
    CHECK(entries[0].category == "water");

    // The receipt kept as a PDF: a real PDF whose text (read back by poppler's pdftotext) holds
    // the amount with its unit and the account number.
    const auto& receipt = *dialog->presenter().state().receipt;
    REQUIRE(cd::ui::receipt_pdf_supported());
    auto* view = new cd::ui::ReceiptView(dialog, window.context(), receipt);
    cd::test::TempDir dir;
    const auto pdf = dir.path() / "receipt.pdf";
    view->save_to(wxString::FromUTF8(pdf.string()));
    REQUIRE(wait_until([&] { return view->status().StartsWith("Saved to"); }));
    const std::string bytes = read_all(pdf);
    REQUIRE(bytes.size() > 100);
    CHECK(bytes.rfind("%PDF-", 0) == 0);
    CHECK(bytes.find("%%EOF", bytes.size() - 32) != std::string::npos);
    const std::string text = pdf_text(pdf);
    INFO(text);
    CHECK(text.find("Total: " + cd::to_decimal_string(entries[0].amount) + " yuan") !=
          std::string::npos);
    CHECK(text.find(receipt.receipt_number) != std::string::npos);
    CHECK(text.find("Account number") != std::string::npos);
    CHECK(view->text().Contains("Account number"));
    view->Destroy();
    dialog->Destroy();
}
