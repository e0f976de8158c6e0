#include "store/preferences.h"

#include "store_test_support.h"

#include "catch.hpp"

using namespace cd;
using namespace cd::store;
using namespace std::chrono;

TEST_CASE("Preferences keep favourites in the order they were added, without duplicates") {
    test::OpenVault v;
    Preferences prefs(v.vault);
    const auto t0 = sys_days(year(2026) / 11 / 28);
    REQUIRE(prefs.add_favourite("svc-water", t0).ok());
    REQUIRE(prefs.add_favourite("svc-passport", t0 + seconds(5)).ok());
    REQUIRE(prefs.add_favourite("svc-water", t0 + seconds(9)).ok());
    CHECK(*prefs.favourites() == std::vector<std::string>{"svc-water", "svc-passport"});
    REQUIRE(prefs.remove_favourite("svc-water").ok());
    CHECK(*prefs.favourites() == std::vector<std::string>{"svc-passport"});
}

TEST_CASE("Preferences keep the last 20 recents, newest first") {
    test::OpenVault v;
    Preferences prefs(v.vault);
    const auto t0 = sys_days(year(2026) / 11 / 28);
    for (int i = 0; i < 25; ++i) {
        REQUIRE(prefs.note_recent("svc-" + std::to_string(i), t0 + seconds(i)).ok());
    }
    REQUIRE(prefs.note_recent("svc-2", t0 + seconds(100)).ok()); // evicted, back at the front
    auto recents = *prefs.recents();
    REQUIRE(recents.size() == 20);
    CHECK(recents.front() == "svc-2");
    CHECK(recents[1] == "svc-24");
    CHECK(recents.back() == "svc-6");
}

TEST_CASE("Preferences store personal settings as key and value") {
    test::OpenVault v;
    Preferences prefs(v.vault);
    CHECK_FALSE(prefs.get("district")->has_value());
    REQUIRE(prefs.set("district", "鼓楼区").ok());
    REQUIRE(prefs.set("district", "台江区").ok());
    CHECK(**prefs.get("district") == "台江区");
    REQUIRE(prefs.erase("district").ok());
    CHECK_FALSE(prefs.get("district")->has_value());
}
