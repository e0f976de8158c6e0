#include "catch.hpp"

#include "app/tabs.h"
#include "linked_window.h"
#include "ui/citizen_card_panel.h"
#include "ui/life_page.h"
#include "ui/life_services_panel.h"
#include "ui/weather_panel.h"

#include <wx/listbook.h>
#include <wx/listctrl.h>
#include <wx/notebook.h>
#include <wx/stattext.h>
#include <wx/tokenzr.h>

#include <algorithm>
#include <cstdlib>

using cd::app::ConnectionState;
using cd::app::Tab;
using cd::test::LinkedWindow;

TEST_CASE("My Life shows the district's temperature and the convenience categories", "[ui]") {
    setenv("CITIZENDESK_NO_START_DIALOGS", "1", 1); // first-run dialogs would block the test
    LinkedWindow window(cd::test::demo_plan());
    REQUIRE(window.reaches(ConnectionState::online));
    window.frame->notebook()->SetSelection(std::size_t(cd::app::tab_index(Tab::life)));
    auto* life = dynamic_cast<cd::ui::LifePage*>(window.frame->page(Tab::life));
    REQUIRE(life != nullptr);
    CHECK(life->IsShownOnScreen());

    REQUIRE(cd::test::wait_until(
        [&] { return life->weather()->temperature_text().Contains(wxString::FromUTF8("°C")); },
        std::chrono::seconds(30)));
    double degrees = 0;
    INFO("temperature: " << life->weather()->temperature_text().utf8_string());
    CHECK(life->weather()->temperature_text().BeforeFirst(' ').ToCDouble(&degrees));
    CHECK(degrees > -40.0);
    CHECK(degrees < 50.0);

    REQUIRE(cd::test::wait_until([&] { return life->services()->service_count() > 0; },
                                 std::chrono::seconds(30)));
    CHECK(life->services()->category_count() == 8);
}

namespace {

// How much of a label's text its window cuts off (0 when the whole text shows), in pixels.
int cut_off(wxStaticText* label) {
    wxSize text;
    wxStringTokenizer lines(label->GetLabel(), "\n", wxTOKEN_RET_EMPTY_ALL);
    while (lines.HasMoreTokens()) {
        const wxString line = lines.GetNextToken();
        const wxSize extent = label->GetTextExtent(line.empty() ? wxString(" ") : line);
        text.x = std::max(text.x, extent.x);
        text.y += extent.y;
    }
    const wxSize shown = label->GetSize();
    return std::max(text.x - shown.x, 0) + std::max(text.y - shown.y, 0);
}

} // namespace

TEST_CASE("at the largest text size the citizen card's heading, lines and section names are "
          "whole",
          "[ui]") {
    setenv("CITIZENDESK_NO_START_DIALOGS", "1", 1);
    LinkedWindow window(cd::test::demo_plan());
    window.frame->notebook()->SetSelection(std::size_t(cd::app::tab_index(Tab::life)));
    auto* life = dynamic_cast<cd::ui::LifePage*>(window.frame->page(Tab::life));
    REQUIRE(life != nullptr);
    // The card first, then the text grows while it is hidden, then the card is shown again.
    life->sections()->SetSelection(4);
    cd::test::pump_events(std::chrono::milliseconds(100));
    life->sections()->SetSelection(0);
    auto size = window.frame->text_size();
    for (auto bigger = size.larger(); bigger.percent() != size.percent(); bigger = size.larger()) {
        size = bigger;
    }
    window.frame->set_text_size(size);
    life->sections()->SetSelection(4);
    cd::test::pump_events(std::chrono::milliseconds(200));

    auto* card = life->card();
    REQUIRE(card->IsShownOnScreen());
    INFO("text size " << size.percent() << "%");
    CHECK(cut_off(card->heading()) == 0);
    CHECK(cut_off(card->lines()) == 0);
    wxListView* list = life->sections()->GetListView();
    for (int i = 0; i < list->GetItemCount(); ++i) {
        wxRect item;
        REQUIRE(list->GetItemRect(i, item, wxLIST_RECT_LABEL));
        INFO(list->GetItemText(i).utf8_string());
        CHECK(list->GetTextExtent(list->GetItemText(i)).x <= item.width);
        CHECK(item.GetRight() <= list->GetClientSize().x);
    }
}
