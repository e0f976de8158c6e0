#include "store/idle_lock.h"

#include <utility>

namespace cd::store {

IdleLock::IdleLock(std::chrono::minutes timeout, Clock clock)
    : timeout_(timeout), clock_(std::move(clock)) {
    if (!clock_) {
        clock_ = [] {
            return std::chrono::steady_clock::now();
        };
    }
    last_activity_ = clock_();
}

void IdleLock::note_activity() {
    last_activity_ = clock_();
}

void IdleLock::set_timeout(std::chrono::minutes timeout) {
    timeout_ = timeout;
}

bool IdleLock::due() const {
    return timeout_.count() > 0 && clock_() - last_activity_ >= timeout_;
}

std::chrono::steady_clock::duration IdleLock::remaining() const {
    if (timeout_.count() <= 0) {
        return std::chrono::steady_clock::duration::max();
    }
    const auto left = last_activity_ + timeout_ - clock_();
    return left.count() > 0 ? left : std::chrono::steady_clock::duration::zero();
}

} // namespace cd::store
