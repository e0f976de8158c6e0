// Each tab of the real window says on its own that it shows what was kept while the reference
// platform drops every request (its fault control), and stops saying so once it answers again.
#include "catch.hpp"

#include "linked_window.h"
#include "server/platform_server.h"
#include "ui/page.h"

#include <boost/json.hpp>
#include <httplib.h>
#include <wx/menu.h>
#include <wx/stattext.h>

using cd::app::ConnectionState;
using cd::app::Tab;
using cd::test::LinkedWindow;

namespace {

void set_faults(int port, boost::json::array rules) {
    httplib::Client c("127.0.0.1", port);
    auto res = c.Post("/_faults",
                      boost::json::serialize(boost::json::object{{"seed", 1}, {"rules", rules}}),
                      "application/json");
    REQUIRE(res);
    REQUIRE(res->status == 200);
}

bool notice_shown(LinkedWindow& window, Tab tab) {
    wxStaticText* notice = window.frame->page(tab)->notice();
    return notice != nullptr && notice->IsShown();
}

void reconnect(LinkedWindow& window) {
    const int item = window.frame->GetMenuBar()->FindMenuItem("File", "Reconnect");
    REQUIRE(item != wxNOT_FOUND);
    wxCommandEvent menu(wxEVT_MENU, item);
    window.frame->GetEventHandler()->ProcessEvent(menu);
}

} // namespace

TEST_CASE("each tab shows its own notice while the platform cannot be reached, and clears it "
          "when the tab's data is fresh again",
          "[ui]") {
    cd::server::PlatformServerOptions options;
    options.faults = true;
    cd::server::PlatformServer platform(options);
    REQUIRE(platform.start().ok());
    cd::app::StartupPlan plan;
    plan.platform = cd::app::StartupPlan::Platform::url;
    plan.platform_url = platform.base_url();
    LinkedWindow window(plan);
    REQUIRE(window.reaches(ConnectionState::online));
    REQUIRE(window.sign_in()); // My Payments' bills are the citizen's
    const cd::app::TabFreshness& freshness = window.context().data.freshness();
    // The first load: weather, catalog, bills and the public feed came from the platform.
    REQUIRE(cd::test::wait_until(
        [&] {
            for (Tab tab : cd::app::all_tabs) {
                if (!freshness.showing(tab) || freshness.stale(tab)) {
                    return false;
                }
            }
            return true;
        },
        std::chrono::seconds(30)));
    for (Tab tab : cd::app::all_tabs) {
        CHECK_FALSE(notice_shown(window, tab));
    }

    set_faults(platform.port(), {boost::json::object{{"path_prefix", "/"}, {"fault", "drop"}}});
    reconnect(window); // the probe finds the platform gone
    REQUIRE(window.reaches(ConnectionState::offline));
    for (Tab tab : cd::app::all_tabs) {
        INFO("tab " << cd::app::tab_index(tab));
        REQUIRE(notice_shown(window, tab));
        CHECK(
            window.frame->page(tab)->notice()->GetLabel().StartsWith("Showing what was kept at "));
        CHECK(window.frame->page(tab)->notice()->GetLabel().EndsWith(
            "; the platform cannot be reached."));
    }

    set_faults(platform.port(), {});
    reconnect(window);
    REQUIRE(window.reaches(ConnectionState::online));
    // Every tab's screens refresh on the reconnection; each notice goes as its data comes.
    CHECK(cd::test::wait_until(
        [&] {
            for (Tab tab : cd::app::all_tabs) {
                if (notice_shown(window, tab)) {
                    return false;
                }
            }
            return true;
        },
        std::chrono::seconds(30)));
    for (Tab tab : cd::app::all_tabs) {
        CHECK_FALSE(freshness.stale(tab));
    }
}
