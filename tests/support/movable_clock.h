// A clock the test moves forward: the system clock plus an offset. Handed to the reference
// server (PlatformServerOptions::clock) so timelines and token lifetimes pass in an instant,
// without a sleep that only works when the machine is quick enough.
#pragma once

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>

namespace cd::test {

class MovableClock {
public:
    using time_point = std::chrono::system_clock::time_point;

    std::function<time_point()> function() const {
        return [offset = offset_ms_] {
            return std::chrono::system_clock::now() + std::chrono::milliseconds(offset->load());
        };
    }
    void advance(std::chrono::milliseconds by) { *offset_ms_ += by.count(); }

private:
    std::shared_ptr<std::atomic<long long>> offset_ms_ =
        std::make_shared<std::atomic<long long>>(0);
};

} // namespace cd::test
