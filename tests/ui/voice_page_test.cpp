#include "catch.hpp"

#include "app/tabs.h"
#include "app/voice_reports.h"
#include "linked_window.h"
#include "store/outbox.h"
#include "ui/my_reports_panel.h"
#include "ui/report_panel.h"
#include "ui/voice_page.h"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/listctrl.h>
#include <wx/notebook.h>
#include <wx/textctrl.h>

#include <cstdlib>

using cd::app::ConnectionState;
using cd::app::Tab;
using cd::test::LinkedWindow;

TEST_CASE("My Voice sends a report from the form and lists it in My reports", "[ui]") {
    setenv("CITIZENDESK_NO_START_DIALOGS", "1", 1); // first-run dialogs would block the test
    LinkedWindow window(cd::test::demo_plan());
    REQUIRE(window.reaches(ConnectionState::online));
    REQUIRE(window.create_vault());
    window.frame->notebook()->SetSelection(std::size_t(cd::app::tab_index(Tab::voice)));
    auto* voice = dynamic_cast<cd::ui::VoicePage*>(window.frame->page(Tab::voice));
    REQUIRE(voice != nullptr);
    CHECK(voice->IsShownOnScreen());
    REQUIRE(cd::test::wait_until([&] { return voice->hotline_text().Contains("12345"); },
                                 std::chrono::seconds(30)));

    auto* report = voice->report();
    auto* categories = report->category_choice();
    REQUIRE(
        cd::test::wait_until([&] { return categories->GetCount() > 0; }, std::chrono::seconds(30)));
    int streetlight = -1;
    for (unsigned i = 0; i < categories->GetCount(); ++i) {
        if (categories->GetString(i).Contains("Streetlight")) {
            streetlight = int(i);
        }
    }
    REQUIRE(streetlight >= 0);
    categories->SetSelection(streetlight);
    wxCommandEvent chosen(wxEVT_CHOICE, categories->GetId());
    chosen.SetInt(streetlight);
    chosen.SetEventObject(categories);
    categories->ProcessWindowEvent(chosen);
    report->description_field()->SetValue(wxString::FromUTF8("小区门口路灯一直不亮。"));
    report->address_field()->SetValue(wxString::FromUTF8("文三路 88号"));
    wxCommandEvent click(wxEVT_BUTTON, report->send_button()->GetId());
    click.SetEventObject(report->send_button());
    report->send_button()->ProcessWindowEvent(click);
    REQUIRE(cd::test::wait_until([&] { return report->note_text().Contains("delivered"); },
                                 std::chrono::seconds(30)));
    CHECK(report->description_field()->GetValue().empty()); // the form was emptied

    auto* list = voice->my_reports()->list();
    REQUIRE(cd::test::wait_until(
        [&] {
            return list->GetItemCount() == 1 && list->GetItemText(0, 2) == "Open" &&
                   list->GetItemText(0, 3).Contains(wxString::FromUTF8("路灯"));
        },
        std::chrono::seconds(30)));
}

TEST_CASE("a report the city refused is corrected in the form and sent again", "[ui]") {
    setenv("CITIZENDESK_NO_START_DIALOGS", "1", 1);
    LinkedWindow window(cd::test::demo_plan());
    REQUIRE(window.reaches(ConnectionState::online));
    REQUIRE(window.create_vault());
    window.frame->notebook()->SetSelection(std::size_t(cd::app::tab_index(Tab::voice)));
    auto* voice = dynamic_cast<cd::ui::VoicePage*>(window.frame->page(Tab::voice));
    REQUIRE(voice != nullptr);
    auto* report = voice->report();
    REQUIRE(cd::test::wait_until([&] { return report->category_choice()->GetCount() > 0; },
                                 std::chrono::seconds(30)));

    // Queued while offline, before the form knew the bin type was required.
    const std::string payload =
        cd::app::encode_payload({{"service_code", "201"},
                                 {"x-service-name", "Overflowing bin"},
                                 {"description", "小区东门的垃圾桶满了三天。"},
                                 {"address_string", "东街 1号"},
                                 {"x-district", ""},
                                 {"x-anonymous", "1"}});
    window.context().vault.run_and_wait([&](cd::store::Vault& v) {
        auto id = cd::store::Outbox(v).enqueue(cd::app::report_outbox_kind, payload, {},
                                               std::chrono::system_clock::now());
        REQUIRE(id.ok());
        REQUIRE(cd::app::add_my_report(v, {cd::app::outbox_reference(*id), true, {}, {}, {}}).ok());
        return 0;
    });
    window.context().outbox.flush();

    auto* mine = voice->my_reports();
    auto* list = mine->list();
    REQUIRE(cd::test::wait_until(
        [&] {
            return list->GetItemCount() == 1 && list->GetItemText(0, 2) == "Refused by the city";
        },
        std::chrono::seconds(30)));
    REQUIRE(cd::test::wait_until(
        [&] { return window.frame->GetStatusBar()->GetStatusText(3).Contains("refused"); },
        std::chrono::seconds(30)));
    list->SetItemState(0, wxLIST_STATE_SELECTED, wxLIST_STATE_SELECTED);
    REQUIRE(cd::test::wait_until([&] { return mine->edit_button()->IsEnabled(); },
                                 std::chrono::seconds(10)));
    wxCommandEvent edit(wxEVT_BUTTON, mine->edit_button()->GetId());
    edit.SetEventObject(mine->edit_button());
    mine->edit_button()->ProcessWindowEvent(edit);

    // The form comes back filled in, now with the bin type the city asked for.
    REQUIRE(cd::test::wait_until([&] { return report->attribute_control("bin_type") != nullptr; },
                                 std::chrono::seconds(30)));
    CHECK(report->description_field()->GetValue() ==
          wxString::FromUTF8("小区东门的垃圾桶满了三天。"));
    CHECK(report->note_text().Contains("bin_type is required"));
    auto* bin_type = dynamic_cast<wxChoice*>(report->attribute_control("bin_type"));
    REQUIRE(bin_type != nullptr);
    bin_type->SetSelection(1);
    wxCommandEvent send(wxEVT_BUTTON, report->send_button()->GetId());
    send.SetEventObject(report->send_button());
    report->send_button()->ProcessWindowEvent(send);
    REQUIRE(cd::test::wait_until([&] { return report->note_text().Contains("delivered"); },
                                 std::chrono::seconds(30)));
    REQUIRE(cd::test::wait_until(
        [&] { return list->GetItemCount() == 1 && list->GetItemText(0, 2) == "Open"; },
        std::chrono::seconds(30)));
    CHECK(window.frame->GetStatusBar()->GetStatusText(3).empty());
}
