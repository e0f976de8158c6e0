#include "catch.hpp"

#include "app/tabs.h"
#include "linked_window.h"
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
