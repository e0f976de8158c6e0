#include "store/unlock_pacing.h"

#include <algorithm>
#include <utility>

namespace cd::store {

bool InterruptibleWaiter::wait(std::chrono::milliseconds delay) {
    std::unique_lock lock(mutex_);
    return !wake_.wait_for(lock, delay, [this] { return interrupted_; });
}

void InterruptibleWaiter::interrupt() {
    {
        std::lock_guard lock(mutex_);
        interrupted_ = true;
    }
    wake_.notify_all();
}

UnlockPacing::UnlockPacing(Clock clock, std::shared_ptr<PacingWaiter> waiter)
    : clock_(std::move(clock)), waiter_(std::move(waiter)) {
    if (!clock_) {
        clock_ = [] {
            return std::chrono::steady_clock::now();
        };
    }
    if (!waiter_) {
        waiter_ = std::make_shared<InterruptibleWaiter>();
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

bool UnlockPacing::wait_turn() {
    const auto now = clock_();
    // A zero wait still asks the waiter: once interrupted (shutdown), no attempt starts.
    const auto delay =
        now < next_allowed_
            ? std::chrono::duration_cast<std::chrono::milliseconds>(next_allowed_ - now)
            : std::chrono::milliseconds(0);
    return waiter_->wait(delay);
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
