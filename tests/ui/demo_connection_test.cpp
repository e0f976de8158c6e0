#include "catch.hpp"

#include "linked_window.h"

using cd::app::ConnectionState;

using cd::test::LinkedWindow;

TEST_CASE("with --demo the window starts the embedded platform and says it is connected", "[ui]") {
    cd::app::StartupPlan plan;
    plan.platform = cd::app::StartupPlan::Platform::demo;
    LinkedWindow window(plan);
    REQUIRE(window.reaches(ConnectionState::online));
    CHECK(window.status() == "Connected to Haichuan"); // the demo city names itself
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
    CHECK(window.status() == "Offline: 127.0.0.1:9 cannot be reached");
    CHECK_FALSE(std::filesystem::exists(window.dir.path() / "demo-platform.db"));
}
