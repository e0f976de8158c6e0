// The colours that carry meaning (errors, success, search matches, highlighted rows, the
// selection, chart bars and axes), in one place, for each look the citizen can have: normal,
// elder (stronger text) and high contrast, each on a light or a dark system theme. Every
// foreground is chosen for the background it is drawn on, and colour_pairs() lists those pairs
// so a test holds each one to the WCAG minimum (a fixed red on a dark theme was 1.67:1).
#pragma once

#include "app/contrast.h"

#include <vector>

namespace cd::app {

enum class PaletteVariant { normal, elder, high_contrast };

struct Palette {
    Rgb window; // dialogs and panels (a light theme's #F6F5F4, a dark one's #353535)
    Rgb list;   // lists, text boxes and the areas the app draws itself
    Rgb text;
    Rgb muted; // secondary text: dates, the other language's name
    Rgb error;
    Rgb success;
    Rgb mark; // the part of a search result that matched the query
    Rgb info_back;
    Rgb info_text; // a highlighted row (today's holiday) and its text
    Rgb selection;
    Rgb selection_text;
    Rgb chart_bar;
    Rgb chart_axis;
};

const Palette& palette(PaletteVariant variant, bool dark);

struct ColourPair {
    const char* what; // for a failing test's message
    Rgb foreground;
    Rgb background;
    double minimum; // min_contrast_text, or min_contrast_large for large text and graphics
};

// Every foreground/background pair the app draws with `palette`.
std::vector<ColourPair> colour_pairs(const Palette& palette);

} // namespace cd::app
