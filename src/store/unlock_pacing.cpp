#include "store/unlock_pacing.h"

#include <algorithm>
#include <thread>
#include <utility>

namespace cd::store {

UnlockPacing::UnlockPacing(Clock clock, Sleeper sleeper)
    : clock_(std::move(clock)), sleeper_(std::move(sleeper)) {
    if (!clock_) {
        clock_ = [] {
            return std::chrono::steady_clock::now();
        };
    }
    if (!sleeper_) {
        sleeper_ = [](std::chrono::milliseconds d) {
            std::this_thread::sleep_for(d);
        };
    }
}

std::chrono::milliseconds UnlockPacing::delay_after(int failures) {
    using std::chrono::milliseconds;
    if (failures <= 2) {
        return milliseconds(0);
    }
    const int doublings = std::min(failures - 3, 5); // 2 s .. 64 s
    return std::min(milliseconds(2000) * (1 << doublings), milliseconds(60000));
}

void UnlockPacing::wait_turn() {
    const auto now = clock_();
    if (now < next_allowed_) {
        sleeper_(std::chrono::duration_cast<std::chrono::milliseconds>(next_allowed_ - now));
    }
}

void UnlockPacing::record_failure() {
    ++failures_;
    next_allowed_ = clock_() + delay_after(failures_);
}

void UnlockPacing::record_success() {
    failures_ = 0;
    next_allowed_ = {};
}

} // namespace cd::store
