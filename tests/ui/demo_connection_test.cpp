#include "catch.hpp"

#include "linked_window.h"
#include "server/platform_server.h"

#include <wx/menu.h>
#include <wx/stattext.h>

using cd::app::ConnectionState;

using cd::test::LinkedWindow;

TEST_CASE("with --demo the window starts the embedded platform and says it is connected", "[ui]") {
    cd::app::StartupPlan plan;
    plan.platform = cd::app::StartupPlan::Platform::demo;
    LinkedWindow window(plan);
    REQUIRE(window.reaches(ConnectionState::online));
    // A screen's request may answer before the probe: the probe's city profile names it.
    CHECK(cd::test::wait_until([&] { return window.status() == "Connected to Haichuan"; }));
    CHECK(std::filesystem::exists(window.dir.path() / "demo-platform.db"));
    // The probe's city profile reaches the screens' shared data, on the UI thread.
    REQUIRE(cd::test::wait_until([&] { return window.context().data.city() != nullptr; }));
    CHECK(window.context().data.city()->districts.size() > 0);
    CHECK(window.context().data.online());
}

TEST_CASE("a platform that is not there shows offline, not a frozen window", "[ui]") {
    cd::app::StartupPlan plan;
    plan.platform = cd::app::StartupPlan::Platform::url;
    plan.platform_url = "http://127.0.0.1:9"; // the discard port: nothing listens there
    LinkedWindow window(plan);
    REQUIRE(window.reaches(ConnectionState::offline));
    CHECK(window.status().StartsWith("Offline since "));
    CHECK(window.status().EndsWith(": 127.0.0.1:9 cannot be reached."));
    CHECK_FALSE(std::filesystem::exists(window.dir.path() / "demo-platform.db"));
}

TEST_CASE("the status bar says offline when the platform stops, and connected when it is back",
          "[ui]") {
    auto platform = std::make_unique<cd::server::PlatformServer>();
    REQUIRE(platform->start().ok());
    const int port = platform->port();
    cd::app::StartupPlan plan;
    plan.platform = cd::app::StartupPlan::Platform::url;
    plan.platform_url = platform->base_url();
    LinkedWindow window(plan);
    REQUIRE(window.reaches(ConnectionState::online));
    CHECK(cd::test::wait_until([&] { return window.status() == "Connected to Haichuan"; }));

    // The outage begins after the start: any screen's request finds it out.
    platform->stop();
    CHECK_FALSE(window.sign_in());
    REQUIRE(window.reaches(ConnectionState::offline));
    CHECK(window.status().StartsWith("Offline since "));
    CHECK(window.status().Contains("Haichuan cannot be reached. Last contact "));
    CHECK_FALSE(window.context().data.online());

    // Back on the same address; File > Reconnect does not wait for the backoff.
    cd::server::PlatformServerOptions again;
    again.port = port;
    platform = std::make_unique<cd::server::PlatformServer>(again);
    REQUIRE(platform->start().ok());
    const int reconnect = window.frame->GetMenuBar()->FindMenuItem("File", "Reconnect");
    REQUIRE(reconnect != wxNOT_FOUND);
    wxCommandEvent menu(wxEVT_MENU, reconnect);
    window.frame->GetEventHandler()->ProcessEvent(menu);
    REQUIRE(window.reaches(ConnectionState::online));
    CHECK(window.status() == "Connected to Haichuan");
    CHECK(window.context().data.online());
}
