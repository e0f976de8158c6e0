#include "catch.hpp"

#include "app/contrast.h"
#include "app/palette.h"

#include <sstream>

using namespace cd::app;

TEST_CASE("contrast ratios follow the WCAG formula", "[ui-logic][contrast]") {
    CHECK(relative_luminance(Rgb::hex(0x000000)) == Approx(0.0));
    CHECK(relative_luminance(Rgb::hex(0xFFFFFF)) == Approx(1.0));
    CHECK(contrast_ratio(Rgb::hex(0x000000), Rgb::hex(0xFFFFFF)) == Approx(21.0));
    CHECK(contrast_ratio(Rgb::hex(0x777777), Rgb::hex(0x777777)) == Approx(1.0));
    // The case: the old fixed error red on a dark theme's window.
    CHECK(contrast_ratio(Rgb::hex(0xB00020), Rgb::hex(0x353535)) == Approx(1.67).margin(0.01));
    // Symmetric, and grey #767676 is the well-known lightest grey that passes on white.
    CHECK(contrast_ratio(Rgb::hex(0xFFFFFF), Rgb::hex(0x767676)) == Approx(4.54).margin(0.01));
    CHECK(contrast_ratio(Rgb::hex(0x767676), Rgb::hex(0xFFFFFF)) ==
          Approx(contrast_ratio(Rgb::hex(0xFFFFFF), Rgb::hex(0x767676))));
}

TEST_CASE("every colour pair of every palette is readable", "[ui-logic][contrast]") {
    for (PaletteVariant variant :
         {PaletteVariant::normal, PaletteVariant::elder, PaletteVariant::high_contrast}) {
        for (bool dark : {false, true}) {
            const Palette& p = palette(variant, dark);
            const auto pairs = colour_pairs(p);
            REQUIRE(pairs.size() >= 10);
            for (const ColourPair& pair : pairs) {
                const double ratio = contrast_ratio(pair.foreground, pair.background);
                std::ostringstream what;
                what << "variant " << int(variant) << (dark ? " dark " : " light ") << pair.what
                     << ": " << ratio << ":1, needs " << pair.minimum << ":1";
                INFO(what.str());
                CHECK(ratio >= pair.minimum);
                if (variant == PaletteVariant::high_contrast) {
                    CHECK(ratio >= 7.0); // WCAG AAA for every pair under high contrast
                }
            }
        }
    }
}

TEST_CASE("the palettes differ where they should", "[ui-logic][contrast]") {
    // Dark themes get their own colours: the light palette's error red is not reused there.
    CHECK_FALSE(palette(PaletteVariant::normal, true).error ==
                palette(PaletteVariant::normal, false).error);
    // Elder text is at least as strong as normal text.
    for (bool dark : {false, true}) {
        const Palette& normal = palette(PaletteVariant::normal, dark);
        const Palette& elder = palette(PaletteVariant::elder, dark);
        CHECK(contrast_ratio(elder.text, elder.window) >=
              contrast_ratio(normal.text, normal.window));
        CHECK(contrast_ratio(elder.muted, elder.window) >=
              contrast_ratio(normal.muted, normal.window));
    }
}
