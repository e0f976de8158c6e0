// Slows repeated wrong passphrases: after the first two failures each further attempt waits
// longer (2 s, 4 s, 8 s, ... up to 60 s). The vault owns one and asks it before each attempt;
// clock and sleeper are injected so tests run without sleeping.
#pragma once

#include <chrono>
#include <functional>

namespace cd::store {

class UnlockPacing {
public:
    using Clock = std::function<std::chrono::steady_clock::time_point()>;
    using Sleeper = std::function<void(std::chrono::milliseconds)>;

    // Defaults: the steady clock and std::this_thread::sleep_for.
    UnlockPacing(Clock clock = {}, Sleeper sleeper = {});

    // Blocks (through the sleeper) until the next attempt is allowed.
    void wait_turn();
    void record_failure();
    void record_success();

    int failures() const { return failures_; }
    static std::chrono::milliseconds delay_after(int failures);

private:
    Clock clock_;
    Sleeper sleeper_;
    int failures_ = 0;
    std::chrono::steady_clock::time_point next_allowed_{};
};

} // namespace cd::store
