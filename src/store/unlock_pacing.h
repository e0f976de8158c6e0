// Slows repeated wrong passphrases: after the first two failures each further attempt waits
// longer (2 s, 4 s, 8 s, ... up to 60 s). The vault owns one and asks it before each attempt;
// clock and waiter are injected so tests run without sleeping. The wait can be interrupted
// from another thread: closing the app must not hang for up to a minute behind it.
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>

namespace cd::store {

// Where the pacing waits. wait() runs on the store thread; interrupt() comes from another one
// (shutdown), so implementations are thread-safe.
class PacingWaiter {
public:
    virtual ~PacingWaiter() = default;
    // Blocks for `delay`; false when interrupted (during the wait or at any time before it).
    virtual bool wait(std::chrono::milliseconds delay) = 0;
    // Ends the current wait and every later one at once.
    virtual void interrupt() = 0;
};

// The real waiter: a condition variable, so interrupt() wakes it at once.
class InterruptibleWaiter final : public PacingWaiter {
public:
    bool wait(std::chrono::milliseconds delay) override;
    void interrupt() override;

private:
    std::mutex mutex_;
    std::condition_variable wake_;
    bool interrupted_ = false;
};

class UnlockPacing {
public:
    using Clock = std::function<std::chrono::steady_clock::time_point()>;

    // Defaults: the steady clock and an InterruptibleWaiter.
    explicit UnlockPacing(Clock clock = {}, std::shared_ptr<PacingWaiter> waiter = {});

    // Blocks (through the waiter) until the next attempt is allowed; false when the wait was
    // interrupted, and the attempt must not be made.
    [[nodiscard]] bool wait_turn();
    void record_failure();
    void record_success();
    // Thread-safe: ends a wait_turn() under way on another thread, and all later ones.
    void interrupt() { waiter_->interrupt(); }

    int failures() const { return failures_; }
    static std::chrono::milliseconds delay_after(int failures);

private:
    Clock clock_;
    std::shared_ptr<PacingWaiter> waiter_;
    int failures_ = 0;
    std::chrono::steady_clock::time_point next_allowed_{};
};

} // namespace cd::store
