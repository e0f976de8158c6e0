#include "store/unlock_pacing.h"

#include "catch.hpp"

#include <vector>

using namespace std::chrono;
using cd::store::UnlockPacing;

namespace {

// A clock that moves only when the pacing "sleeps" or the test says so.
struct FakeTime {
    steady_clock::time_point now{};
    std::vector<milliseconds> sleeps;
    UnlockPacing make() {
        return UnlockPacing([this] { return now; },
                            [this](milliseconds d) {
                                sleeps.push_back(d);
                                now += d;
                            });
    }
};

} // namespace

TEST_CASE("UnlockPacing delay grows with every failure and is capped") {
    CHECK(UnlockPacing::delay_after(1) == milliseconds(0));
    CHECK(UnlockPacing::delay_after(2) == milliseconds(0));
    CHECK(UnlockPacing::delay_after(3) == milliseconds(2000));
    CHECK(UnlockPacing::delay_after(4) == milliseconds(4000));
    CHECK(UnlockPacing::delay_after(5) == milliseconds(8000));
    CHECK(UnlockPacing::delay_after(50) == milliseconds(60000));
}

TEST_CASE("UnlockPacing makes the next attempt wait, and only as long as needed") {
    FakeTime t;
    UnlockPacing pacing = t.make();
    for (int i = 0; i < 3; ++i) {
        pacing.wait_turn();
        pacing.record_failure();
    }
    CHECK(t.sleeps.empty()); // the first three attempts never wait
    pacing.wait_turn();      // after three failures: 2 s
    REQUIRE(t.sleeps.size() == 1);
    CHECK(t.sleeps[0] == milliseconds(2000));

    pacing.record_failure(); // fourth failure: 4 s, of which 1.5 s pass while the user types
    t.now += milliseconds(1500);
    pacing.wait_turn();
    REQUIRE(t.sleeps.size() == 2);
    CHECK(t.sleeps[1] == milliseconds(2500));

    pacing.record_success();
    CHECK(pacing.failures() == 0);
    pacing.wait_turn();
    CHECK(t.sleeps.size() == 2);
}
