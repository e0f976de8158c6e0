#include "ui/text_scaling.h"

#include <wx/window.h>

#include <cmath>

namespace cd::ui {

namespace {

void rescale(wxWindow* window, double factor) {
    wxFont font = window->GetFont();
    if (font.IsOk()) {
        const double points = font.GetFractionalPointSize() * factor;
        font.SetFractionalPointSize(std::round(points * 4.0) / 4.0); // quarter points: no drift
        window->SetFont(font);
    }
    for (wxWindow* child : window->GetChildren()) {
        if (!child->IsTopLevel()) {
            rescale(child, factor);
        }
    }
}

} // namespace

void rescale_text(wxWindow* root, app::TextSize from, app::TextSize to) {
    if (from == to) {
        return;
    }
    rescale(root, double(to.percent()) / double(from.percent()));
    root->Layout();
    root->Refresh();
}

} // namespace cd::ui
