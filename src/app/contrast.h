// How readable one colour is on another: WCAG 2.x relative luminance and contrast ratio, which
// the aging-friendly rules (and the elder mode) take as their measure of legible text.
#pragma once

#include <cstdint>

namespace cd::app {

struct Rgb {
    std::uint8_t r = 0;
    std::uint8_t g = 0;
    std::uint8_t b = 0;

    static constexpr Rgb hex(std::uint32_t rgb) {
        return Rgb{std::uint8_t(rgb >> 16), std::uint8_t(rgb >> 8), std::uint8_t(rgb)};
    }
    friend bool operator==(const Rgb&, const Rgb&) = default;
};

// 0 for black to 1 for white, from linearised sRGB channels.
double relative_luminance(Rgb colour);
// 1:1 (the same colour) to 21:1 (black on white); symmetric in its arguments.
double contrast_ratio(Rgb a, Rgb b);

// WCAG AA: 4.5:1 for body text, 3:1 for large text (18 pt, or 14 pt bold) and for the parts of
// graphics that carry meaning (bars, axes).
constexpr double min_contrast_text = 4.5;
constexpr double min_contrast_large = 3.0;

} // namespace cd::app
