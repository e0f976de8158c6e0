// Home under Xvfb against the demo platform: the first tab, shown to a new citizen, lists what
// needs attention from the demo citizen's data, and an item's action button leads to its tab.
#include "catch.hpp"

#include "app/tabs.h"
#include "linked_window.h"
#include "ui/home_page.h"

#include <wx/button.h>
#include <wx/notebook.h>

#include <cstdlib>
#include <ctime>

using cd::app::ConnectionState;
using cd::app::Tab;
using cd::test::LinkedWindow;
using cd::test::wait_until;

TEST_CASE("Home is the first tab, lists a due demo bill, and its Pay leads to My Payments",
          "[ui]") {
    setenv("CITIZENDESK_NO_START_DIALOGS", "1", 1);
    LinkedWindow window(cd::test::demo_plan());
    wxNotebook* book = window.frame->notebook();
    REQUIRE(book->GetPageText(0) == "Home");
    CHECK(book->GetSelection() == 0); // a new citizen starts on Home
    auto* home = dynamic_cast<cd::ui::HomePage*>(window.frame->page(Tab::home));
    REQUIRE(home != nullptr);
    CHECK(home->IsShownOnScreen());

    REQUIRE(window.reaches(ConnectionState::online));
    REQUIRE(window.create_vault());
    REQUIRE(window.sign_in());

    // The demo bills fall due next month: Home's clock goes to the day before the first one.
    bool done = false;
    std::string first;
    cd::app::call_platform<cd::api::BillList>(
        window.context().platform, window.context().ui,
        [](cd::api::PlatformClient& c, auto answer) { c.bills("due", answer); },
        [&](cd::Result<cd::api::BillList> r) {
            done = true;
            for (const auto& b : r.ok() ? r->bills : std::vector<cd::api::Bill>{}) {
                first = first.empty() ? b.due_date : std::min(first, b.due_date);
            }
        });
    REQUIRE(wait_until([&] { return done; }, std::chrono::seconds(30)));
    REQUIRE(first.size() == 10);
    std::tm tm{};
    tm.tm_year = std::stoi(first.substr(0, 4)) - 1900;
    tm.tm_mon = std::stoi(first.substr(5, 2)) - 1;
    tm.tm_mday = std::stoi(first.substr(8, 2)) - 1;
    tm.tm_hour = 12;
    tm.tm_isdst = -1;
    const auto day_before = std::chrono::system_clock::from_time_t(std::mktime(&tm));
    window.context().now = [day_before] {
        return day_before;
    };
    home->presenter().refresh();

    wxButton* pay = nullptr;
    REQUIRE(wait_until(
        [&] {
            const auto& state = home->presenter().state();
            for (std::size_t i = 0; i < state.items.size(); ++i) {
                if (state.items[i].action == cd::app::AttentionAction::pay &&
                    i < home->action_buttons().size()) {
                    pay = home->action_buttons()[i];
                    return true;
                }
            }
            return false;
        },
        std::chrono::seconds(30)));
    CHECK(pay->GetLabel() == "Pay");
    CHECK(pay->IsShownOnScreen());
    CHECK(pay->IsFocusable()); // reachable with the keyboard
    const auto texts = home->item_texts();
    CHECK(std::any_of(texts.begin(), texts.end(),
                      [](const wxString& t) { return t.StartsWith("Due soon:"); }));

    wxCommandEvent click(wxEVT_BUTTON, pay->GetId());
    click.SetEventObject(pay);
    pay->ProcessWindowEvent(click);
    CHECK(wait_until([&] { return book->GetSelection() == cd::app::tab_index(Tab::payments); }));
    CHECK(window.frame->presenter().current_tab() == Tab::payments);
}
