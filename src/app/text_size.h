// How large the interface text is, for citizens who read better with bigger letters: a few
// fixed steps from the system size up to double, kept in the settings between runs.
#pragma once

#include <array>

namespace cd::app {

class TextSize {
public:
    static constexpr std::array<int, 6> steps_percent{100, 125, 150, 175, 200, 250};

    // A saved value back to the nearest step (a hand-edited or stale settings file).
    static TextSize from_percent(long percent);

    int percent() const { return steps_percent[index_]; }
    bool can_grow() const { return index_ + 1 < steps_percent.size(); }
    bool can_shrink() const { return index_ > 0; }

    TextSize larger() const;
    TextSize smaller() const;
    static TextSize normal() { return TextSize{}; }

    // The point size for a base (system) point size at this step, rounded.
    int scale(int base_points) const { return (base_points * percent() + 50) / 100; }

    friend bool operator==(const TextSize&, const TextSize&) = default;

private:
    std::size_t index_ = 0;
};

} // namespace cd::app
