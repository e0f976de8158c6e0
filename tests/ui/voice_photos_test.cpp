// My Voice's photos at a city that takes one per report: the others are kept on this computer
// and My reports says so in the report's detail; and "Where reports go..." can say that a
// custom endpoint takes several, which then gets every photo.
#include "catch.hpp"

#include "app/open311_settings.h"
#include "app/tabs.h"
#include "app/voice_reports.h"
#include "linked_window.h"
#include "ui/my_reports_panel.h"
#include "ui/open311_settings_dialog.h"
#include "ui/report_panel.h"
#include "ui/voice_page.h"

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/listctrl.h>
#include <wx/notebook.h>
#include <wx/radiobut.h>
#include <wx/textctrl.h>

#include <atomic>
#include <cstdlib>
#include <fstream>

using cd::app::ConnectionState;
using cd::app::Tab;
using cd::test::LinkedWindow;
using cd::test::wait_until;

namespace {

cd::ui::VoicePage* open_voice(LinkedWindow& window) {
    window.frame->notebook()->SetSelection(std::size_t(cd::app::tab_index(Tab::voice)));
    return dynamic_cast<cd::ui::VoicePage*>(window.frame->page(Tab::voice));
}

std::string write_png(LinkedWindow& window, const std::string& name) {
    const auto path = (window.dir.path() / name).string();
    std::ofstream png(path, std::ios::binary);
    png << "\x89PNG\r\n\x1a\n" << std::string(1500, 'x');
    return path;
}

std::vector<cd::app::MyReportEntry> entries(LinkedWindow& window) {
    return window.context().vault.run_and_wait(
        [](cd::store::Vault& v) { return *cd::app::load_my_reports(v); });
}

// Sends a streetlight report with two photos from the Report form and waits until the city
// has it (its line in My reports names the city's request).
std::vector<std::string> send_two_photos(LinkedWindow& window, cd::ui::VoicePage* voice,
                                         const std::string& text) {
    auto& report = voice->report()->presenter();
    const std::vector<std::string> photos{write_png(window, "lamp-1.png"),
                                          write_png(window, "lamp-2.png")};
    for (const auto& p : photos) {
        report.add_photo(p);
    }
    REQUIRE(wait_until([&] { return report.photos().size() == 2; }, std::chrono::seconds(30)));
    cd::app::ReportDraft draft;
    draft.service_code = "102"; // streetlight out: no required attributes
    draft.description = text;
    draft.address = "文三路 88号 Wensan Road 88";
    report.send(draft);
    REQUIRE(wait_until(
        [&] {
            const auto e = entries(window);
            return e.size() == 1 && !e[0].waiting();
        },
        std::chrono::seconds(30)));
    return photos;
}

} // namespace

TEST_CASE("My reports shows the photos kept on this computer in the report's detail", "[ui]") {
    setenv("CITIZENDESK_NO_START_DIALOGS", "1", 1); // first-run dialogs would block the test
    LinkedWindow window(cd::test::demo_plan());
    REQUIRE(window.reaches(ConnectionState::online));
    REQUIRE(window.create_vault());
    auto* voice = open_voice(window);
    REQUIRE(voice != nullptr);
    // The city's endpoint gets one photo per report: the second stays here.
    const auto photos = send_two_photos(window, voice, "两张照片，一张留在本机");
    REQUIRE(entries(window)[0].kept_photos == std::vector<std::string>{photos[1]});

    auto* mine = voice->my_reports();
    mine->presenter().poll();
    auto* list = mine->list();
    REQUIRE(wait_until([&] { return list->GetItemCount() == 1; }, std::chrono::seconds(30)));
    list->SetItemState(0, wxLIST_STATE_SELECTED, wxLIST_STATE_SELECTED);
    REQUIRE(wait_until([&] { return !mine->detail_text().empty(); }));
    const wxString detail = mine->detail_text();
    INFO(detail.ToStdString(wxConvUTF8));
    CHECK(detail.Contains("kept on this computer, not sent to the city"));
    CHECK(detail.Contains(wxString::FromUTF8(photos[1])));
    CHECK_FALSE(detail.Contains(wxString::FromUTF8(photos[0]))); // that one reached the city
}

TEST_CASE("saving 'several photos per report' for a custom endpoint sends it every photo", "[ui]") {
    setenv("CITIZENDESK_NO_START_DIALOGS", "1", 1);
    LinkedWindow window(cd::test::demo_plan());
    REQUIRE(window.reaches(ConnectionState::online));
    REQUIRE(window.create_vault());
    auto* voice = open_voice(window);
    REQUIRE(voice != nullptr);

    // The demo platform's own Open311 endpoint, entered as another city's would be (its
    // standard profile takes several media parts).
    std::string base;
    std::atomic<bool> got{false};
    window.context().platform.acquire([&](cd::Result<cd::app::PlatformAccess::Client> c) {
        base = c.ok() ? (*c)->base_url() : std::string();
        got = true;
    });
    REQUIRE(wait_until([&] { return got.load(); }));
    REQUIRE_FALSE(base.empty());

    auto* dialog = new cd::ui::Open311SettingsDialog(window.frame, window.context());
    dialog->Show();
    auto* several = dialog->multiple_media_box();
    REQUIRE(wait_until([&] { return dialog->key_state_text() == "No key stored."; }));
    CHECK_FALSE(several->IsEnabled()); // the city's own endpoint gets one photo
    CHECK_FALSE(several->GetValue());
    dialog->custom_choice()->SetValue(true);
    wxCommandEvent chosen(wxEVT_RADIOBUTTON, dialog->custom_choice()->GetId());
    chosen.SetEventObject(dialog->custom_choice());
    dialog->custom_choice()->ProcessWindowEvent(chosen);
    REQUIRE(several->IsEnabled());
    dialog->endpoint_field()->SetValue(wxString::FromUTF8(base + "/open311/v2"));
    dialog->api_key_field()->SetValue("a-key-the-city-issued");
    several->SetValue(true);
    auto* save = dialog->FindWindow(wxID_OK);
    REQUIRE(save != nullptr);
    wxCommandEvent click(wxEVT_BUTTON, wxID_OK);
    click.SetEventObject(save);
    save->ProcessWindowEvent(click);
    REQUIRE(wait_until([&] { return !dialog->IsShown(); }, std::chrono::seconds(20)));
    dialog->Destroy();

    const auto settings = window.context().vault.run_and_wait(
        [](cd::store::Vault& v) { return *cd::app::load_open311_settings(v); });
    CHECK(settings.custom);
    CHECK(settings.multiple_media);

    // Every photo went to the endpoint: none is kept back on this computer.
    send_two_photos(window, voice, "两张照片都发给城市");
    const auto e = entries(window);
    REQUIRE(e.size() == 1);
    CHECK(e[0].kept_photos.empty());

    // Opened again, the dialog shows the box ticked.
    auto* again = new cd::ui::Open311SettingsDialog(window.frame, window.context());
    again->Show();
    REQUIRE(wait_until([&] { return again->key_state_text() != ""; }));
    CHECK(again->multiple_media_box()->GetValue());
    CHECK(again->multiple_media_box()->IsEnabled());
    again->Destroy();
}
