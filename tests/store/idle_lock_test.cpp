#include "store/idle_lock.h"

#include "catch.hpp"

using namespace std::chrono;
using cd::store::IdleLock;

TEST_CASE("IdleLock is due after the idle time with no activity") {
    steady_clock::time_point now{};
    IdleLock idle(minutes(5), [&] { return now; });
    now += minutes(4);
    CHECK_FALSE(idle.due());
    CHECK(idle.remaining() == minutes(1));
    idle.note_activity(); // activity restarts the count
    now += minutes(4) + seconds(59);
    CHECK_FALSE(idle.due());
    now += seconds(1);
    CHECK(idle.due());
    CHECK(idle.remaining() == steady_clock::duration::zero());
}

TEST_CASE(
    "IdleLock with timeout zero never locks, and a new timeout counts from the last activity") {
    steady_clock::time_point now{};
    IdleLock idle(minutes(0), [&] { return now; });
    now += hours(10);
    CHECK_FALSE(idle.due());
    CHECK(idle.remaining() == steady_clock::duration::max());
    idle.note_activity();
    now += minutes(3);
    idle.set_timeout(minutes(2));
    CHECK(idle.due());
    idle.set_timeout(minutes(10));
    CHECK_FALSE(idle.due());
}
