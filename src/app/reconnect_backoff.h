// How long to wait before the next reconnection attempt: 5 s, doubling up to 5 minutes, each
// shortened by up to a fifth at random so that many desktops cut off by the same outage do not
// all come back at the same second. The randomness is injected so tests know the delays.
#pragma once

#include <chrono>
#include <functional>

namespace cd::app {

class ReconnectBackoff {
public:
    // Returns a number in [0, 1).
    using Jitter = std::function<double()>;

    static constexpr std::chrono::milliseconds first{5'000};
    static constexpr std::chrono::milliseconds longest{300'000};

    explicit ReconnectBackoff(Jitter jitter = {});

    // The wait before the next attempt; each call doubles the following one.
    std::chrono::milliseconds next();
    // Contact again: the next outage starts over at 5 s.
    void reset() { attempts_ = 0; }
    int attempts() const { return attempts_; }

private:
    Jitter jitter_;
    int attempts_ = 0;
};

// A one-shot timer on the UI thread (a wxTimer in the app, a manual one in tests).
class ReconnectTimer {
public:
    virtual ~ReconnectTimer() = default;
    // Calls `fire` on the UI thread once `delay` has passed; replaces a pending start.
    virtual void start(std::chrono::milliseconds delay, std::function<void()> fire) = 0;
    virtual void stop() = 0;
};

} // namespace cd::app
