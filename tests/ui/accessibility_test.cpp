// Keyboard, screen-reader and display rules checked on the real windows: fields named by their
// own labels (GTK's rule, also read through AT-SPI by accessible_names_test.py), one window
// per mnemonic letter, Esc and Ctrl+W closing secondary windows, the main window inside the
// work area, and View > High Contrast.
#include "catch.hpp"

#include "app/palette.h"
#include "linked_window.h"
#include "ui/accessible_names.h"
#include "ui/profile_dialog.h"
#include "ui/search_bar.h"
#include "ui/service_window.h"
#include "ui/theme.h"

#include <wx/anybutton.h>
#include <wx/bookctrl.h>
#include <wx/checkbox.h>
#include <wx/display.h>
#include <wx/fileconf.h>
#include <wx/menu.h>
#include <wx/notebook.h>
#include <wx/radiobut.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <cstdlib>
#include <map>
#include <vector>

using cd::app::ConnectionState;
using cd::test::LinkedWindow;
using cd::test::wait_until;

namespace {

wxWindow* shown_dialog(const char* name) {
    wxWindow* found = nullptr;
    wait_until(
        [&] {
            found = wxWindow::FindWindowByName(name);
            return found != nullptr && found->IsShown();
        },
        std::chrono::seconds(30));
    return found != nullptr && found->IsShown() ? found : nullptr;
}

wxTextCtrl* text_field(wxWindow* dialog, const char* name) {
    auto* field = dynamic_cast<wxTextCtrl*>(dialog->FindWindowByName(name, dialog));
    REQUIRE(field != nullptr);
    return field;
}

wxString label_text(const wxWindow* field) {
    const wxStaticText* label = cd::ui::label_of(field);
    return label != nullptr ? label->GetLabel() : wxString("(no label)");
}

// The letter after a single '&' ("Sign &In" -> 'i'); 0 when there is none.
wxUniChar mnemonic(const wxString& label) {
    for (size_t i = 0; i + 1 < label.size(); ++i) {
        if (label[i] == '&') {
            if (label[i + 1] == '&') {
                ++i; // "&&" is a literal ampersand
                continue;
            }
            return wxString(label[i + 1]).Lower()[0];
        }
    }
    return wxUniChar(0);
}

// The labels whose mnemonics the citizen can press in `window` as it is now shown.
void shown_labels(wxWindow* window, std::vector<wxString>& labels) {
    if (!window->IsShown()) {
        return;
    }
    if (dynamic_cast<wxStaticText*>(window) || dynamic_cast<wxAnyButton*>(window) ||
        dynamic_cast<wxCheckBox*>(window) || dynamic_cast<wxRadioButton*>(window)) {
        labels.push_back(window->GetLabel());
    }
    for (wxWindow* child : window->GetChildren()) {
        if (!child->IsTopLevel()) {
            shown_labels(child, labels);
        }
    }
}

// Fails with the clashing labels when two of `labels` share a mnemonic.
void check_unique(const wxString& where, const std::vector<wxString>& labels) {
    std::map<wxUniChar, std::vector<wxString>> by_key;
    for (const wxString& label : labels) {
        if (const wxUniChar key = mnemonic(label); key != wxUniChar(0)) {
            by_key[key].push_back(label);
        }
    }
    for (const auto& [key, same] : by_key) {
        wxString list;
        for (const wxString& label : same) {
            list << " \"" << label << "\"";
        }
        INFO((where + ": Alt+" + wxString(key) + " is" + list).utf8_string());
        CHECK(same.size() == 1);
    }
}

std::vector<wxString> menu_titles(wxMenuBar* bar) {
    std::vector<wxString> titles;
    for (size_t i = 0; i < bar->GetMenuCount(); ++i) {
        titles.push_back(bar->GetMenuLabel(i));
    }
    return titles;
}

std::vector<wxBookCtrlBase*> books_in(wxWindow* window) {
    std::vector<wxBookCtrlBase*> books;
    for (wxWindow* child : window->GetChildren()) {
        if (auto* book = dynamic_cast<wxBookCtrlBase*>(child)) {
            books.push_back(book);
        } else {
            const auto inner = books_in(child);
            books.insert(books.end(), inner.begin(), inner.end());
        }
    }
    return books;
}

// Every page (and every page of the notebooks inside it) shown in turn, with the menu bar's
// titles, which Alt reaches from any page.
void check_main_window(cd::ui::MainFrame* frame) {
    const std::vector<wxString> titles = menu_titles(frame->GetMenuBar());
    auto check_now = [&](const wxString& where) {
        std::vector<wxString> labels = titles;
        shown_labels(frame, labels);
        check_unique(where, labels);
    };
    wxNotebook* tabs = frame->notebook();
    for (size_t i = 0; i < tabs->GetPageCount(); ++i) {
        tabs->ChangeSelection(i);
        const std::vector<wxBookCtrlBase*> inner = books_in(tabs->GetPage(i));
        if (inner.empty()) {
            check_now(tabs->GetPageText(i));
        }
        for (wxBookCtrlBase* book : inner) {
            for (size_t j = 0; j < book->GetPageCount(); ++j) {
                book->ChangeSelection(j);
                check_now(tabs->GetPageText(i) + " > " + book->GetPageText(j));
            }
        }
    }
    tabs->ChangeSelection(0);
}

// What a key press does when the focused control and its window do not handle it: the key
// hook, sent from `focus` up to its window and the application.
void press(wxWindow* focus, int key, bool control) {
    wxKeyEvent event(wxEVT_CHAR_HOOK);
    event.m_keyCode = key;
    event.SetControlDown(control);
    event.SetEventObject(focus);
    focus->GetEventHandler()->ProcessEvent(event);
}

wxWindow* first_text_field(wxWindow* window) {
    for (wxWindow* child : window->GetChildren()) {
        if (dynamic_cast<wxTextCtrl*>(child) != nullptr) {
            return child;
        }
        if (wxWindow* inner = first_text_field(child)) {
            return inner;
        }
    }
    return nullptr;
}

// My profile, shown once it has read the stored profile (its Save button is enabled then): a
// dialog destroyed before that would get the answer after it is gone.
cd::ui::ProfileDialog* open_profile(LinkedWindow& window) {
    auto* profile = new cd::ui::ProfileDialog(window.frame, window.context());
    profile->Show();
    REQUIRE(wait_until([profile] { return profile->FindWindow(wxID_OK)->IsEnabled(); },
                       std::chrono::seconds(20)));
    return profile;
}

} // namespace

TEST_CASE("each field of the vault, sign-in and profile dialogs and the search box is named by "
          "its own label",
          "[ui][a11y]") {
    unsetenv("CITIZENDESK_NO_START_DIALOGS");
    LinkedWindow window(cd::test::demo_plan());

    wxWindow* create = shown_dialog("create_vault_dialog");
    REQUIRE(create != nullptr);
    CHECK(label_text(text_field(create, "passphrase")) == "Passphrase:");
    CHECK(label_text(text_field(create, "confirmation")) == "Type it again:");
    check_unique("create-vault dialog", [&] {
        std::vector<wxString> labels;
        shown_labels(create, labels);
        return labels;
    }());
    text_field(create, "passphrase")->SetValue("Lantern-river 2026");
    text_field(create, "confirmation")->SetValue("Lantern-river 2026");
    wxCommandEvent ok(wxEVT_BUTTON, wxID_OK);
    ok.SetEventObject(create->FindWindow(wxID_OK));
    create->FindWindow(wxID_OK)->ProcessWindowEvent(ok);

    REQUIRE(window.reaches(ConnectionState::online));
    wxWindow* sign_in = shown_dialog("sign_in_dialog");
    REQUIRE(sign_in != nullptr);
    CHECK(label_text(text_field(sign_in, "phone")) == "Mobile number:");
    CHECK(label_text(text_field(sign_in, "password")) == "Password:");
    CHECK(label_text(text_field(sign_in, "code")) == "Code:");
    check_unique("sign-in dialog", [&] {
        std::vector<wxString> labels;
        shown_labels(sign_in, labels);
        return labels;
    }());
    sign_in->Close();
    REQUIRE(wait_until([&] {
        return wxWindow::FindWindowByName("sign_in_dialog") == nullptr || !sign_in->IsShown();
    }));

    wxTextCtrl* search = cd::ui::search_box(window.frame->search_bar());
    REQUIRE(search != nullptr);
    CHECK(label_text(search) == "F&ind a service:");

    auto* profile = open_profile(window);
    for (const char* name : {"profile-name", "profile-resident_id", "profile-phone"}) {
        INFO(name);
        CHECK(cd::ui::label_of(text_field(profile, name)) != nullptr);
    }
    profile->Destroy();
}

TEST_CASE("mnemonics are unique in the menu bar, each menu, the dialogs and each page of the main "
          "window",
          "[ui][a11y]") {
    setenv("CITIZENDESK_NO_START_DIALOGS", "1", 1);
    LinkedWindow window(cd::test::demo_plan());
    REQUIRE(window.create_vault());

    wxMenuBar* bar = window.frame->GetMenuBar();
    check_unique("menu bar", menu_titles(bar));
    for (size_t i = 0; i < bar->GetMenuCount(); ++i) {
        std::vector<wxString> items;
        for (wxMenuItem* item : bar->GetMenu(i)->GetMenuItems()) {
            if (!item->IsSeparator()) {
                items.push_back(item->GetItemLabel());
            }
        }
        check_unique(bar->GetMenuLabel(i), items);
    }

    check_main_window(window.frame);

    auto* profile = open_profile(window);
    std::vector<wxString> labels;
    shown_labels(profile, labels);
    check_unique("My profile", labels);
    profile->Destroy();
}

TEST_CASE("Esc and Ctrl+W close secondary windows and leave the main window open", "[ui][a11y]") {
    setenv("CITIZENDESK_NO_START_DIALOGS", "1", 1);
    LinkedWindow window(cd::test::demo_plan());
    REQUIRE(window.create_vault());

    for (bool control_w : {false, true}) {
        INFO((control_w ? "Ctrl+W" : "Esc"));
        auto* profile = open_profile(window);
        wxWindow* field = first_text_field(profile);
        REQUIRE(field != nullptr);
        press(field, control_w ? int('W') : int(WXK_ESCAPE), control_w);
        CHECK(wait_until([&] { return !profile->IsShown(); }));
        profile->Destroy();

        wxFrame* guide = cd::ui::open_service_window(window.frame, window.context(), "no-such");
        REQUIRE(guide != nullptr);
        REQUIRE(wait_until([&] { return guide->IsShown(); }));
        bool guide_gone = false;
        guide->Bind(wxEVT_DESTROY, [&](wxWindowDestroyEvent& e) {
            guide_gone = guide_gone || e.GetEventObject() == guide;
            e.Skip();
        });
        press(guide, control_w ? int('W') : int(WXK_ESCAPE), control_w);
        CHECK(wait_until([&] { return guide_gone; }));
    }

    // The main window is not a secondary one: Ctrl+W there does not close the app.
    press(window.frame->search_bar(), 'W', true);
    cd::test::pump_events(std::chrono::milliseconds(100));
    CHECK(window.frame->IsShown());
    CHECK_FALSE(window.frame->IsBeingDeleted());
}

TEST_CASE("the main window fits the display's work area, even from a saved size larger than the "
          "screen",
          "[ui][a11y]") {
    setenv("CITIZENDESK_NO_START_DIALOGS", "1", 1);
    if (!cd::test::start_wx()) {
        FAIL("no X display: run the [ui] tests under xvfb-run");
    }
    cd::test::TempDir dir;
    const wxRect area = wxDisplay(0U).GetClientArea();
    {
        wxFileConfig config(wxEmptyString, wxEmptyString,
                            wxString((dir.path() / "settings.ini").native()), wxEmptyString,
                            wxCONFIG_USE_LOCAL_FILE);
        config.Write("/MainWindow/x", long(-area.width / 2));
        config.Write("/MainWindow/y", long(area.y));
        config.Write("/MainWindow/width", long(area.width * 2));
        config.Write("/MainWindow/height", long(area.height * 2));
        config.Flush();
    }
    cd::ui::MainFrame::Options options;
    options.platform_name = "demo";
    options.settings_file = dir.path() / "settings.ini";
    auto* frame = new cd::ui::MainFrame(options);
    frame->Show();
    REQUIRE(wait_until([frame] { return frame->IsShownOnScreen(); }));
    const wxRect rect = frame->GetRect();
    INFO("window " << rect.x << "," << rect.y << " " << rect.width << "x" << rect.height
                   << " in work area " << area.x << "," << area.y << " " << area.width << "x"
                   << area.height);
    CHECK(area.Contains(rect));
    CHECK(frame->GetMinSize().x <= area.width);
    CHECK(frame->GetMinSize().y <= area.height);
    frame->Close(true);
    CHECK(wait_until([] { return wxTopLevelWindows.IsEmpty(); }));
}

TEST_CASE("View > High Contrast switches the palette, and the setting is kept", "[ui][a11y]") {
    setenv("CITIZENDESK_NO_START_DIALOGS", "1", 1);
    const cd::app::PaletteVariant before = cd::ui::current_palette_variant();
    {
        LinkedWindow window(cd::test::demo_plan());
        wxMenuBar* bar = window.frame->GetMenuBar();
        const int id = bar->FindMenuItem("View", "High Contrast");
        REQUIRE(id != wxNOT_FOUND);
        CHECK_FALSE(bar->IsChecked(id));
        bar->Check(id, true);
        wxCommandEvent toggle(wxEVT_MENU, id);
        toggle.SetInt(1);
        window.frame->ProcessWindowEvent(toggle);
        CHECK(cd::ui::high_contrast());
        CHECK(cd::ui::current_palette_variant() == cd::app::PaletteVariant::high_contrast);
        CHECK(
            cd::ui::current_palette().text ==
            cd::app::palette(cd::app::PaletteVariant::high_contrast, cd::ui::system_theme_is_dark())
                .text);
        CHECK(cd::ui::load_high_contrast(window.dir.path() / "settings.ini"));

        toggle.SetInt(0);
        window.frame->ProcessWindowEvent(toggle);
        CHECK_FALSE(cd::ui::high_contrast());
        CHECK_FALSE(cd::ui::load_high_contrast(window.dir.path() / "settings.ini"));
    }
    CHECK(cd::ui::current_palette_variant() == before);
}
