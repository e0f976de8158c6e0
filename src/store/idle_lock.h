// When to auto-lock the vault: after a configurable idle time with no activity. Pure logic fed
// by an injected clock; the app's session notes activity (input, tab changes) and asks due()
// from a timer, then locks the vault on the store thread.
#pragma once

#include <chrono>
#include <functional>

namespace cd::store {

class IdleLock {
public:
    using Clock = std::function<std::chrono::steady_clock::time_point()>;

    // timeout zero = never lock by itself.
    IdleLock(std::chrono::minutes timeout, Clock clock = {});

    void note_activity();
    void set_timeout(std::chrono::minutes timeout); // counts from the last activity
    std::chrono::minutes timeout() const { return timeout_; }

    // True once the idle time has passed since the last activity.
    bool due() const;
    // How long until due() becomes true (zero when due; max() when never).
    std::chrono::steady_clock::duration remaining() const;

private:
    std::chrono::minutes timeout_;
    Clock clock_;
    std::chrono::steady_clock::time_point last_activity_;
};

} // namespace cd::store
