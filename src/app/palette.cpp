#include "app/palette.h"

namespace cd::app {

namespace {

constexpr Rgb c(std::uint32_t rgb) {
    return Rgb::hex(rgb);
}

// Field order: window, list, text, muted, error, success, mark, info_back, info_text,
// selection, selection_text, chart_bar, chart_axis.
constexpr Palette normal_light{c(0xF6F5F4), c(0xFFFFFF), c(0x1A1A1A), c(0x5E5E5E), c(0xB00020),
                               c(0x1B6E20), c(0xA33000), c(0xFFF4CC), c(0x1A1A1A), c(0x1A5FB4),
                               c(0xFFFFFF), c(0x1A5FB4), c(0x5E5E5E)};
constexpr Palette normal_dark{c(0x353535), c(0x2D2D2D), c(0xEEEEEE), c(0xBDBDBD), c(0xFF8A80),
                              c(0x8FD694), c(0xFFB74D), c(0x4A4000), c(0xFFFFFF), c(0x99C1F1),
                              c(0x000000), c(0x78AEED), c(0xBDBDBD)};
// Elder: text nearer black (white) and stronger status colours than normal.
constexpr Palette elder_light{c(0xF6F5F4), c(0xFFFFFF), c(0x000000), c(0x404040), c(0x9B0000),
                              c(0x145214), c(0x8A2800), c(0xFFF0B3), c(0x000000), c(0x0B3D91),
                              c(0xFFFFFF), c(0x0B3D91), c(0x404040)};
constexpr Palette elder_dark{c(0x353535), c(0x2D2D2D), c(0xFFFFFF), c(0xD6D6D6), c(0xFFA8A0),
                             c(0xA5E3A9), c(0xFFCC80), c(0x3D3500), c(0xFFFFFF), c(0xB5D3F7),
                             c(0x000000), c(0x9CC5F3), c(0xD6D6D6)};
constexpr Palette contrast_light{c(0xFFFFFF), c(0xFFFFFF), c(0x000000), c(0x000000), c(0x8B0000),
                                 c(0x004000), c(0x00008B), c(0xFFFF00), c(0x000000), c(0x000000),
                                 c(0xFFFFFF), c(0x000000), c(0x000000)};
constexpr Palette contrast_dark{c(0x000000), c(0x000000), c(0xFFFFFF), c(0xFFFFFF), c(0xFF8080),
                                c(0x80FF80), c(0xFFFF00), c(0x000080), c(0xFFFFFF), c(0xFFFF00),
                                c(0x000000), c(0x00FFFF), c(0xFFFFFF)};

} // namespace

const Palette& palette(PaletteVariant variant, bool dark) {
    switch (variant) {
    case PaletteVariant::elder:
        return dark ? elder_dark : elder_light;
    case PaletteVariant::high_contrast:
        return dark ? contrast_dark : contrast_light;
    case PaletteVariant::normal:
        break;
    }
    return dark ? normal_dark : normal_light;
}

std::vector<ColourPair> colour_pairs(const Palette& p) {
    return {
        {"text on window", p.text, p.window, min_contrast_text},
        {"text on list", p.text, p.list, min_contrast_text},
        {"muted on window", p.muted, p.window, min_contrast_text},
        {"muted on list", p.muted, p.list, min_contrast_text},
        {"error on window", p.error, p.window, min_contrast_text},
        {"error on list", p.error, p.list, min_contrast_text},
        {"success on window", p.success, p.window, min_contrast_text},
        {"success on list", p.success, p.list, min_contrast_text},
        {"mark on list", p.mark, p.list, min_contrast_text},
        {"highlighted row", p.info_text, p.info_back, min_contrast_text},
        {"selected row", p.selection_text, p.selection, min_contrast_text},
        {"chart text", p.text, p.list, min_contrast_text},
        {"chart bar", p.chart_bar, p.list, min_contrast_large},
        {"chart axis", p.chart_axis, p.list, min_contrast_large},
    };
}

} // namespace cd::app
