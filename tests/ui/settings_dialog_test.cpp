#include "catch.hpp"

#include "app/elder_mode.h"
#include "app/tabs.h"
#include "app/user_settings.h"
#include "linked_window.h"
#include "temp_dir.h"
#include "ui/main_frame.h"
#include "ui/settings_dialog.h"
#include "ui/translations.h"
#include "wx_test_runtime.h"

#include <wx/anybutton.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/menu.h>
#include <wx/notebook.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <cstdlib>

using cd::ui::MainFrame;
using cd::ui::SettingsDialog;

namespace {

const std::string locale_prefix = CITIZENDESK_BINARY_DIR "/share/locale";

void require_display() {
    if (!cd::test::start_wx()) {
        FAIL("no X display: run the [ui] tests under xvfb-run (README, 'Tests')");
    }
}

MainFrame* open_frame(const cd::test::TempDir& dir) {
    MainFrame::Options options;
    options.platform_name = "demo";
    options.settings_file = dir.path() / "settings.ini";
    auto* frame = new MainFrame(options);
    frame->Show();
    REQUIRE(cd::test::wait_until([frame] { return frame->IsShownOnScreen(); }));
    return frame;
}

void close_and_check_gone(MainFrame* frame) {
    frame->Close(true);
    CHECK(cd::test::wait_until([] { return wxTopLevelWindows.IsEmpty(); }));
}

std::vector<wxString> menu_titles(MainFrame* frame) {
    std::vector<wxString> titles;
    wxMenuBar* bar = frame->GetMenuBar();
    for (std::size_t i = 0; i < bar->GetMenuCount(); ++i) {
        titles.push_back(bar->GetMenuLabelText(i));
    }
    return titles;
}

std::vector<wxString> tab_titles(MainFrame* frame) {
    std::vector<wxString> titles;
    for (std::size_t i = 0; i < frame->notebook()->GetPageCount(); ++i) {
        titles.push_back(frame->notebook()->GetPageText(i));
    }
    return titles;
}

// Saves in the dialog as its Save button does, with the window following what was saved.
SettingsDialog* settings_dialog(MainFrame* frame) {
    return new SettingsDialog(
        frame, frame->settings_file(),
        [frame](const cd::app::UserSettings& before, const cd::app::UserSettings& after) {
            frame->apply_settings(before, after);
        });
}

void walk(wxWindow* root, const std::function<void(wxWindow*)>& visit) {
    visit(root);
    for (wxWindow* child : root->GetChildren()) {
        if (!child->IsTopLevel()) {
            walk(child, visit);
        }
    }
}

} // namespace

TEST_CASE("switching the language in Settings re-labels the menus and tabs at once", "[ui]") {
    require_display();
    REQUIRE(cd::ui::install_translations("en", locale_prefix));
    cd::test::LoggedProblems logged;
    cd::test::TempDir dir;
    MainFrame* frame = open_frame(dir);
    REQUIRE(menu_titles(frame) == std::vector<wxString>{"File", "View", "Help"});
    frame->notebook()->SetSelection(2);

    SettingsDialog* dialog = settings_dialog(frame);
    dialog->language_choice()->SetSelection(2); // 中文（简体）
    REQUIRE(dialog->save());
    dialog->Destroy();

    // "文件(&F)": GTK shows the mnemonic after the word, as Chinese menus do.
    const auto chinese_menus = menu_titles(frame);
    REQUIRE(chinese_menus.size() == 3);
    CHECK(chinese_menus[0].StartsWith(wxString::FromUTF8("文件")));
    CHECK(chinese_menus[1].StartsWith(wxString::FromUTF8("查看")));
    CHECK(chinese_menus[2].StartsWith(wxString::FromUTF8("帮助")));
    CHECK(tab_titles(frame) ==
          std::vector<wxString>{wxString::FromUTF8("首页"), wxString::FromUTF8("我的生活"),
                                wxString::FromUTF8("我的政府"), wxString::FromUTF8("我的支付"),
                                wxString::FromUTF8("我的声音")});
    CHECK(frame->GetTitle() == wxString::FromUTF8("市民桌面"));
    CHECK(frame->notebook()->GetSelection() == 2);
    // The rebuilt menus still work: the View menu's first tab item (Home) selects that tab.
    wxMenuItem* home_item = frame->GetMenuBar()->GetMenu(1)->FindItemByPosition(0);
    CHECK(home_item->GetItemLabelText().StartsWith(wxString::FromUTF8("首页")));
    wxCommandEvent show_home(wxEVT_MENU, home_item->GetId());
    frame->ProcessWindowEvent(show_home);
    CHECK(frame->notebook()->GetSelection() == 0);
    CHECK(cd::app::read_user_settings(frame->settings_file()).language == "zh_CN");

    SettingsDialog* back = settings_dialog(frame);
    back->language_choice()->SetSelection(1); // English
    REQUIRE(back->save());
    back->Destroy();
    CHECK(menu_titles(frame) == std::vector<wxString>{"File", "View", "Help"});
    CHECK(tab_titles(frame) ==
          std::vector<wxString>{"Home", "My Life", "My Government", "My Payments", "My Voice"});

    close_and_check_gone(frame);
    cd::ui::install_translations("en", locale_prefix);
    CHECK(logged.problems().empty());
}

TEST_CASE("Settings refuses plain http to another computer and saves nothing", "[ui]") {
    require_display();
    REQUIRE(cd::ui::install_translations("en", locale_prefix));
    cd::test::TempDir dir;
    MainFrame* frame = open_frame(dir);
    // Not followed by the window: a new platform would say so in a modal message box.
    auto* dialog = new SettingsDialog(frame, frame->settings_file(), {});
    dialog->platform_choice()->SetSelection(2); // This address:
    dialog->platform_field()->ChangeValue("http://platform.city.example");
    CHECK_FALSE(dialog->save());
    CHECK(dialog->problem_text().Contains("https://"));
    CHECK(cd::app::read_user_settings(frame->settings_file()).platform.empty());

    dialog->platform_field()->ChangeValue("https://platform.city.example");
    CHECK(dialog->save());
    CHECK(dialog->problem_text().empty());
    CHECK(cd::app::read_user_settings(frame->settings_file()).platform ==
          "https://platform.city.example");
    dialog->Destroy();
    close_and_check_gone(frame);
}

TEST_CASE("elder mode makes text 18 pt or more, buttons 60 px and the hotline one click away",
          "[ui]") {
    require_display();
    REQUIRE(cd::ui::install_translations("en", locale_prefix));
    cd::test::TempDir dir;
    MainFrame* frame = open_frame(dir);
    CHECK_FALSE(frame->hotline_button()->IsShown());

    SettingsDialog* dialog = settings_dialog(frame);
    dialog->elder_mode_box()->SetValue(true);
    REQUIRE(dialog->save());
    dialog->Destroy();
    REQUIRE(frame->elder_mode());
    frame->Layout();

    CHECK(frame->hotline_button()->IsShown());
    CHECK(static_cast<wxAnyButton*>(frame->hotline_button())->GetLabel().Contains("12345"));
    const wxSize target = frame->FromDIP(wxSize(60, 60));
    int texts = 0;
    walk(frame, [&](wxWindow* w) {
        if (dynamic_cast<wxStaticText*>(w) != nullptr) {
            ++texts;
            INFO(w->GetLabel());
            CHECK(w->GetFont().GetFractionalPointSize() >= cd::app::elder::min_text_points);
        }
        if (dynamic_cast<wxAnyButton*>(w) != nullptr && w->IsShown()) {
            INFO(w->GetLabel());
            CHECK(w->GetSize().x >= target.x);
            CHECK(w->GetSize().y >= target.y);
        }
    });
    CHECK(texts > 0);
    close_and_check_gone(frame);

    // Remembered: the next window opens in elder mode.
    MainFrame* again = open_frame(dir);
    CHECK(again->elder_mode());
    CHECK(again->hotline_button()->IsShown());
    again->set_elder_mode(false);
    CHECK_FALSE(again->hotline_button()->IsShown());
    close_and_check_gone(again);
}

TEST_CASE("a new language re-makes the pages of a linked window in it", "[ui]") {
    setenv("CITIZENDESK_NO_START_DIALOGS", "1", 1);
    cd::test::LinkedWindow window(cd::test::demo_plan());
    REQUIRE(window.reaches(cd::app::ConnectionState::online));
    auto payments_tabs = [] {
        auto* book = dynamic_cast<wxNotebook*>(wxWindow::FindWindowByName("payments-notebook"));
        REQUIRE(book != nullptr);
        return book->GetPageText(0);
    };
    CHECK(payments_tabs() == "Bills due");
    window.frame->switch_language("zh_CN");
    CHECK(window.context().chinese);
    CHECK(payments_tabs() == wxString::FromUTF8("待缴账单"));
    CHECK(window.frame->search_bar() != nullptr);
    window.frame->switch_language("en");
    CHECK_FALSE(window.context().chinese);
    CHECK(payments_tabs() == "Bills due");
}
