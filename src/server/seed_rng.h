// The seeded generator behind all demo data: SplitMix64, so the same seed gives the same data
// with every compiler and standard library (std:: distributions differ between them).
#pragma once

#include <cstdint>
#include <string_view>

namespace cd::server {

class SeedRng {
public:
    explicit SeedRng(std::uint64_t seed) : state_(seed) {}
    // A generator for one named stream, so adding data to one list never shifts another.
    SeedRng(std::uint64_t seed, std::string_view stream) : state_(seed ^ hash(stream)) {}

    std::uint64_t next() {
        std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    // Uniform-enough in [0, n) for the small n used here.
    std::uint64_t below(std::uint64_t n) { return n == 0 ? 0 : next() % n; }
    int range(int lo, int hi) {
        return lo + static_cast<int>(below(static_cast<std::uint64_t>(hi - lo + 1)));
    }
    double unit() { return static_cast<double>(next() >> 11) / 9007199254740992.0; }
    bool chance(double p) { return unit() < p; }

    static std::uint64_t hash(std::string_view s) {
        std::uint64_t h = 1469598103934665603ULL;
        for (unsigned char c : s) {
            h = (h ^ c) * 1099511628211ULL;
        }
        return h;
    }

private:
    std::uint64_t state_;
};

} // namespace cd::server
