#include "ui/text_scaling.h"

#include <wx/window.h>

#include <cmath>
#include <utility>
#include <vector>

namespace cd::ui {

namespace {

// Every window under root with the font it shows now, parents before children. Read first,
// written after: setting a parent's font passes it on to children without a font of their own,
// which would otherwise be scaled twice.
void collect(wxWindow* window, std::vector<std::pair<wxWindow*, wxFont>>& out) {
    out.emplace_back(window, window->GetFont());
    for (wxWindow* child : window->GetChildren()) {
        if (!child->IsTopLevel()) {
            collect(child, out);
        }
    }
}

} // namespace

void rescale_text(wxWindow* root, app::TextSize from, app::TextSize to) {
    if (from == to) {
        return;
    }
    rescale_text(root, double(to.percent()) / double(from.percent()));
}

void rescale_text(wxWindow* root, double factor) {
    if (factor == 1.0) {
        return;
    }
    std::vector<std::pair<wxWindow*, wxFont>> windows;
    collect(root, windows);
    for (auto& [window, font] : windows) {
        if (font.IsOk()) {
            // Quarter points: stepping up and back down returns to the same size.
            font.SetFractionalPointSize(std::round(font.GetFractionalPointSize() * factor * 4.0) /
                                        4.0);
            window->SetFont(font);
        }
    }
    root->Layout();
    root->Refresh();
}

} // namespace cd::ui
