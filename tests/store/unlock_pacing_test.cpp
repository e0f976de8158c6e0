#include "store/unlock_pacing.h"

#include "catch.hpp"

#include <future>
#include <memory>
#include <thread>
#include <vector>

using namespace std::chrono;
using cd::store::UnlockPacing;

namespace {

// A clock that moves only when the pacing waits or the test says so.
struct FakeTime {
    struct Waiter final : cd::store::PacingWaiter {
        FakeTime& time;
        explicit Waiter(FakeTime& t) : time(t) {}
        bool wait(milliseconds d) override {
            if (d.count() > 0) {
                time.sleeps.push_back(d);
                time.now += d;
            }
            return true;
        }
        void interrupt() override {}
    };
    steady_clock::time_point now{};
    std::vector<milliseconds> sleeps;
    UnlockPacing make() {
        return UnlockPacing([this] { return now; }, std::make_shared<Waiter>(*this));
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
        CHECK(pacing.wait_turn());
        pacing.record_failure();
    }
    CHECK(t.sleeps.empty());   // the first three attempts never wait
    CHECK(pacing.wait_turn()); // after three failures: 2 s
    REQUIRE(t.sleeps.size() == 1);
    CHECK(t.sleeps[0] == milliseconds(2000));

    pacing.record_failure(); // fourth failure: 4 s, of which 1.5 s pass while the user types
    t.now += milliseconds(1500);
    CHECK(pacing.wait_turn());
    REQUIRE(t.sleeps.size() == 2);
    CHECK(t.sleeps[1] == milliseconds(2500));

    pacing.record_success();
    CHECK(pacing.failures() == 0);
    CHECK(pacing.wait_turn());
    CHECK(t.sleeps.size() == 2);
}

TEST_CASE("An interrupted pacing wait ends at once, and so does every later one") {
    cd::store::InterruptibleWaiter waiter;
    std::promise<bool> result;
    std::thread waiting([&] { result.set_value(waiter.wait(hours(1))); });
    waiter.interrupt(); // before or during the wait: either way it must end, and say so
    auto answer = result.get_future();
    CHECK_FALSE(answer.get());
    waiting.join();
    CHECK_FALSE(waiter.wait(hours(1)));
    CHECK_FALSE(waiter.wait(milliseconds(0)));
}

TEST_CASE("A pacing wait that is not interrupted lasts its delay and lets the attempt go") {
    cd::store::InterruptibleWaiter waiter;
    CHECK(waiter.wait(milliseconds(0)));
    CHECK(waiter.wait(milliseconds(1)));
}
