#include "catch.hpp"

#include "app/dispatcher.h"

#include <functional>
#include <memory>
#include <vector>

namespace {
// Holds tasks until the test lets them run, like a UI thread that is busy.
struct QueueDispatcher : cd::app::Dispatcher {
    std::vector<std::function<void()>> queue;
    void post(std::function<void()> task) override { queue.push_back(std::move(task)); }
    void run_all() {
        auto tasks = std::move(queue);
        for (auto& t : tasks) {
            t();
        }
    }
};
} // namespace

TEST_CASE("a guarded callback runs while its owner lives", "[app][dispatcher]") {
    QueueDispatcher ui;
    int seen = 0;
    cd::app::Lifetime owner;
    auto cb = owner.guard([&seen](int v) { seen = v; });
    ui.post([cb]() mutable { cb(7); });
    ui.run_all();
    CHECK(seen == 7);
}

TEST_CASE("a late answer never reaches a destroyed screen", "[app][dispatcher]") {
    QueueDispatcher ui;
    int seen = 0;
    {
        auto owner = std::make_unique<cd::app::Lifetime>();
        auto cb = owner->guard([&seen](int v) { seen = v; });
        ui.post([cb]() mutable { cb(7); });
    } // the screen closes before the network answers
    ui.run_all();
    CHECK(seen == 0);
}

TEST_CASE("the inline dispatcher runs at once", "[app][dispatcher]") {
    cd::app::InlineDispatcher inline_ui;
    bool ran = false;
    inline_ui.post([&ran] { ran = true; });
    CHECK(ran);
}
