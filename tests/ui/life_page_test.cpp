#include "catch.hpp"

#include "app/tabs.h"
#include "linked_window.h"
#include "ui/life_page.h"
#include "ui/life_services_panel.h"
#include "ui/weather_panel.h"

#include <wx/notebook.h>

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
