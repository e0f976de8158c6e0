#include "catch.hpp"

#include "app/tabs.h"
#include "temp_dir.h"
#include "ui/main_frame.h"
#include "ui/tab_panel.h"
#include "ui/translations.h"
#include "wx_test_runtime.h"

#include <wx/menu.h>
#include <wx/notebook.h>
#include <wx/statusbr.h>
#include <wx/toplevel.h>
#include <wx/uiaction.h>

#include <optional>

using cd::app::Tab;
using cd::ui::MainFrame;

namespace {

const std::string locale_prefix = CITIZENDESK_BINARY_DIR "/share/locale";

void require_display() {
    if (!cd::test::start_wx()) {
        FAIL("no X display: run the [ui] tests under xvfb-run (README, 'Tests')");
    }
}

// Opens a main frame whose settings live in dir, shown and laid out.
MainFrame* open_frame(const cd::test::TempDir& dir) {
    MainFrame::Options options;
    options.platform_name = "demo";
    options.settings_file = dir.path() / "settings.ini";
    auto* frame = new MainFrame(options);
    frame->SetPosition(wxPoint(0, 0));
    frame->Show();
    REQUIRE(cd::test::wait_until([frame] { return frame->IsShownOnScreen(); }));
    // Kept: a settle pause for the X server's first configure events, which wx does not
    // announce. What the tests then assert is state they set and wait for themselves.
    cd::test::pump_events(std::chrono::milliseconds(200));
    return frame;
}

void close_and_check_gone(MainFrame* frame) {
    frame->Close(true);
    CHECK(cd::test::wait_until([] { return wxTopLevelWindows.IsEmpty(); }));
}

// Where page `index`'s tab label is, in notebook coordinates, found by asking the notebook.
std::optional<wxPoint> tab_label_point(wxNotebook* book, int index) {
    const wxSize size = book->GetClientSize();
    for (int y = 2; y < std::min(size.y, 80); y += 3) {
        for (int x = 2; x < size.x; x += 3) {
            long flags = 0;
            if (book->HitTest(wxPoint(x, y), &flags) == index &&
                (flags & (wxBK_HITTEST_ONLABEL | wxBK_HITTEST_ONITEM | wxBK_HITTEST_ONICON))) {
                return wxPoint(x + 6, y + 4);
            }
        }
    }
    return std::nullopt;
}

std::vector<wxString> tab_labels(wxNotebook* book) {
    std::vector<wxString> labels;
    for (std::size_t i = 0; i < book->GetPageCount(); ++i) {
        labels.push_back(book->GetPageText(i));
    }
    return labels;
}

} // namespace

TEST_CASE("the main window shows its tabs in English, Home first", "[ui]") {
    require_display();
    REQUIRE(cd::ui::install_translations("en", locale_prefix));
    cd::test::LoggedProblems logged;
    cd::test::TempDir dir;
    MainFrame* frame = open_frame(dir);

    CHECK(tab_labels(frame->notebook()) ==
          std::vector<wxString>{"Home", "My Life", "My Government", "My Payments", "My Voice"});
    CHECK(frame->GetStatusBar()->GetStatusText() == "Not connected to a platform yet");
    CHECK(frame->tab_panel(Tab::voice)->headline_text() == "Not connected to a platform yet");
    CHECK(frame->GetMenuBar()->GetMenuCount() == 3);

    close_and_check_gone(frame);
    CHECK(logged.problems().empty());
}

TEST_CASE("the main window shows its tabs in Chinese, Home first", "[ui]") {
    require_display();
    REQUIRE(cd::ui::install_translations("zh_CN", locale_prefix));
    cd::test::LoggedProblems logged;
    cd::test::TempDir dir;
    MainFrame* frame = open_frame(dir);

    CHECK(tab_labels(frame->notebook()) ==
          std::vector<wxString>{wxString::FromUTF8("首页"), wxString::FromUTF8("我的生活"),
                                wxString::FromUTF8("我的政府"), wxString::FromUTF8("我的支付"),
                                wxString::FromUTF8("我的声音")});
    CHECK(frame->GetTitle() == wxString::FromUTF8("市民桌面"));
    CHECK(frame->GetStatusBar()->GetStatusText() == wxString::FromUTF8("尚未连接到服务平台"));

    close_and_check_gone(frame);
    cd::ui::install_translations("en", locale_prefix);
    CHECK(logged.problems().empty());
}

TEST_CASE("clicking the tabs switches pages and the presenter follows", "[ui]") {
    require_display();
    cd::ui::install_translations("en", locale_prefix);
    cd::test::LoggedProblems logged;
    cd::test::TempDir dir;
    MainFrame* frame = open_frame(dir);
    wxNotebook* book = frame->notebook();
    REQUIRE(book->GetSelection() == 0);

    wxUIActionSimulator sim;
    for (int index : {2, 1, 4, 3, 0}) {
        INFO("tab " << index);
        const auto point = tab_label_point(book, index);
        REQUIRE(point);
        sim.MouseMove(book->ClientToScreen(*point));
        sim.MouseClick();
        CHECK(cd::test::wait_until([&] { return book->GetSelection() == index; }));
        CHECK(cd::app::tab_index(frame->presenter().current_tab()) == index);
    }
    close_and_check_gone(frame);
    CHECK(logged.problems().empty());
}

TEST_CASE("the window remembers its last tab and size", "[ui]") {
    require_display();
    cd::ui::install_translations("en", locale_prefix);
    cd::test::TempDir dir;

    MainFrame* first = open_frame(dir);
    first->SetSize(first->FromDIP(wxSize(800, 600)));
    const int voice = cd::app::tab_index(Tab::voice);
    first->notebook()->SetSelection(voice); // sends the page-changed event, like a click
    REQUIRE(cd::test::wait_until([first] { return first->presenter().current_tab() == Tab::voice; },
                                 std::chrono::seconds(10)));
    const wxSize size = first->GetSize();
    close_and_check_gone(first);

    MainFrame* second = open_frame(dir);
    CHECK(second->notebook()->GetSelection() == voice);
    CHECK(second->presenter().current_tab() == Tab::voice);
    CHECK(second->GetSize() == size);
    close_and_check_gone(second);
}

TEST_CASE("larger text grows every label and is remembered", "[ui]") {
    require_display();
    cd::ui::install_translations("en", locale_prefix);
    cd::test::TempDir dir;

    MainFrame* first = open_frame(dir);
    cd::ui::TabPanel* panel = first->tab_panel(Tab::life);
    const double before = panel->GetChildren()[1]->GetFont().GetFractionalPointSize();
    first->set_text_size(cd::app::TextSize::normal().larger().larger()); // 150 %
    const double after = panel->GetChildren()[1]->GetFont().GetFractionalPointSize();
    CHECK(panel->GetChildren()[0]->GetFont().GetFractionalPointSize() ==
          Approx(after * 1.5).margin(0.25));
    CHECK(after == Approx(before * 1.5).margin(0.25));
    close_and_check_gone(first);

    MainFrame* second = open_frame(dir);
    CHECK(second->text_size().percent() == 150);
    CHECK(second->tab_panel(Tab::life)->GetChildren()[1]->GetFont().GetFractionalPointSize() ==
          Approx(after).margin(0.25));
    second->set_text_size(cd::app::TextSize::normal());
    CHECK(second->tab_panel(Tab::life)->GetChildren()[1]->GetFont().GetFractionalPointSize() ==
          Approx(before).margin(0.25));
    close_and_check_gone(second);
}
