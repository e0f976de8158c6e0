#include "catch.hpp"
#include "core/reference_number.h"

#include "linked_window.h"
#include "ui/application_form_dialog.h"
#include "ui/application_windows.h"
#include "ui/applications_panel.h"
#include "ui/profile_dialog.h"

#include <wx/button.h>
#include <wx/notebook.h>

#include <cstdlib>

using cd::app::ConnectionState;
using cd::test::LinkedWindow;
using cd::test::wait_until;

TEST_CASE("an application filled in and submitted shows up in My applications", "[ui]") {
    setenv("CITIZENDESK_NO_START_DIALOGS", "1", 1); // first-run dialogs would block the test
    LinkedWindow window(cd::test::demo_plan());
    REQUIRE(window.reaches(ConnectionState::online));
    REQUIRE(window.create_vault());
    REQUIRE(window.sign_in());

    // My applications as the My Government tab embeds it, in its sections notebook.
    auto* applications =
        dynamic_cast<cd::ui::ApplicationsPanel*>(wxWindow::FindWindowByName("applications"));
    REQUIRE(applications != nullptr);
    auto* sections = dynamic_cast<wxNotebook*>(applications->GetParent());
    REQUIRE(sections != nullptr);

    cd::ui::open_application_form(window.frame, window.context(), "G0002");
    auto* form = dynamic_cast<cd::ui::ApplicationFormDialog*>(
        wxWindow::FindWindowByName("application-form"));
    REQUIRE(form != nullptr);
    REQUIRE(wait_until([&] { return form->presenter().loaded(); }, std::chrono::seconds(30)));
    CHECK(form->IsShown());

    // A wrong phone number is pointed out next to its field as it is typed.
    form->enter("phone", "12345");
    CHECK(form->problem_text("phone").Contains("not a valid mobile number"));

    form->enter("applicant_name", wxString::FromUTF8("张明"));
    form->enter("resident_id", "11010519491231002X");
    form->enter("phone", "13800000000");
    CHECK(form->problem_text("phone").empty());
    form->enter("address", wxString::FromUTF8("翠苑三区12幢"));
    form->enter("delivery", "pickup");

    auto* submit = dynamic_cast<wxButton*>(form->FindWindow(wxID_OK));
    REQUIRE(submit != nullptr);
    REQUIRE(wait_until([&] { return submit->IsEnabled(); }));
    wxCommandEvent click(wxEVT_BUTTON, wxID_OK);
    click.SetEventObject(submit);
    submit->ProcessWindowEvent(click);
    REQUIRE(wait_until([&] { return form->submitted(); }, std::chrono::seconds(30)));
    CHECK(form->note_text().Contains("was submitted"));
    // The number as the citizen reads it ("A 3F9C 01B2 D4E6"), which My applications lists by
    // its raw id.
    const wxString note = form->note_text();
    const int at = note.Find("number is ");
    REQUIRE(at != wxNOT_FOUND);
    const std::string readable = note.Mid(std::size_t(at) + 10).BeforeLast('.').utf8_string();
    // The prefix takes every leading letter, and the random part may start with one.
    REQUIRE_FALSE(readable.empty());
    CHECK(readable.front() == 'A');
    CHECK(readable.find(' ') != std::string::npos);

    const int page = sections->FindPage(applications);
    REQUIRE(page >= 0);
    sections->SetSelection(std::size_t(page));
    applications->on_page_shown();
    REQUIRE(wait_until(
        [&] {
            const auto& ids = applications->shown_ids();
            return std::any_of(ids.begin(), ids.end(), [&](const std::string& id) {
                return cd::readable_reference(id) == readable;
            });
        },
        std::chrono::seconds(30)));

    // Coming back to the window a minute later fetches again (the "and on focus").
    window.frame->notebook()->SetSelection(
        std::size_t(cd::app::tab_index(cd::app::Tab::government)));
    REQUIRE(wait_until([&] { return applications->IsShownOnScreen(); }));
    REQUIRE(wait_until([&] { return !applications->presenter().fetching(); }));
    const int fetched = applications->presenter().fetches();
    window.context().now = [] {
        return std::chrono::system_clock::now() + std::chrono::minutes(1);
    };
    wxActivateEvent back(wxEVT_ACTIVATE, true, window.frame->GetId());
    back.SetEventObject(window.frame);
    window.frame->GetEventHandler()->ProcessEvent(back);
    CHECK(applications->presenter().fetches() == fetched + 1);
    form->Close();
}

TEST_CASE("details saved in My profile fill in an application form", "[ui]") {
    setenv("CITIZENDESK_NO_START_DIALOGS", "1", 1);
    LinkedWindow window(cd::test::demo_plan());
    REQUIRE(window.reaches(ConnectionState::online));
    REQUIRE(window.create_vault());
    REQUIRE(window.sign_in());

    auto* profile = new cd::ui::ProfileDialog(window.frame, window.context());
    profile->Show();
    REQUIRE(wait_until([&] { return profile->presenter().loaded(); }));
    auto* save = dynamic_cast<wxButton*>(profile->FindWindow(wxID_OK));
    REQUIRE(save != nullptr);
    REQUIRE(wait_until([&] { return save->IsEnabled(); }));
    const auto click_save = [&] {
        wxCommandEvent click(wxEVT_BUTTON, wxID_OK);
        click.SetEventObject(save);
        save->ProcessWindowEvent(click);
    };
    profile->enter("name", wxString::FromUTF8("张明"));
    profile->enter("resident_id", "110105194912310021"); // the check digit is wrong
    click_save();
    CHECK_FALSE(profile->problem_text("resident_id").empty());
    CHECK(profile->IsShown());

    profile->enter("resident_id", "11010519491231002X");
    profile->enter("phone", "13800000000");
    profile->enter("address", wxString::FromUTF8("翠苑三区12幢"));
    click_save();
    CHECK(profile->problem_text("resident_id").empty());
    REQUIRE(wait_until([&] { return !profile->IsShown(); }));
    profile->Destroy();

    cd::ui::open_application_form(window.frame, window.context(), "G0002");
    auto* form = dynamic_cast<cd::ui::ApplicationFormDialog*>(
        wxWindow::FindWindowByName("application-form"));
    REQUIRE(form != nullptr);
    REQUIRE(wait_until([&] { return form->presenter().loaded(); }, std::chrono::seconds(30)));
    form->presenter().consent_to_prefill();
    REQUIRE(wait_until([&] { return form->presenter().values().count("address") > 0; }));
    CHECK(form->presenter().values().at("resident_id") == "11010519491231002X");
    CHECK(form->presenter().values().at("phone") == "13800000000");
    form->Close();
}
