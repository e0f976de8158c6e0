#include "app/reconnect_backoff.h"

#include <algorithm>
#include <random>

namespace cd::app {

ReconnectBackoff::ReconnectBackoff(Jitter jitter) : jitter_(std::move(jitter)) {
    if (!jitter_) {
        jitter_ = [engine = std::minstd_rand(std::random_device{}())]() mutable {
            return std::uniform_real_distribution<double>(0.0, 1.0)(engine);
        };
    }
}

std::chrono::milliseconds ReconnectBackoff::next() {
    const int doublings = std::min(attempts_, 16); // far past the cap; no overflow
    ++attempts_;
    const auto base =
        std::min(longest, std::chrono::milliseconds(first.count() * (1LL << doublings)));
    const double cut = std::clamp(jitter_(), 0.0, 1.0) * 0.2;
    return std::chrono::milliseconds(
        static_cast<long long>(static_cast<double>(base.count()) * (1.0 - cut)));
}

} // namespace cd::app
