// The palette in use (app/palette.h): normal, elder or high contrast, light or dark after the
// system's theme. Views that draw or colour text ask for it when they paint, so a change shows
// at the next repaint. High contrast is a setting of its own (the View menu's toggle and,
// TODO(settings), the Settings dialog, through high_contrast()/set_high_contrast()), and the
// system's own high-contrast theme turns it on too.
#pragma once

#include "app/palette.h"

#include <wx/colour.h>

#include <filesystem>

class wxWindow;

namespace cd::ui {

const app::Palette& current_palette();
app::PaletteVariant current_palette_variant();
wxColour to_wx(app::Rgb colour);

bool high_contrast();
void set_high_contrast(bool on);
// TODO(settings): the elder mode switches the elder palette on here.
void set_elder_palette(bool on);

// The system's theme, as wx reports it (wxSystemSettings::GetAppearance()).
bool system_theme_is_dark();
bool system_theme_is_high_contrast();

// The high-contrast setting, kept in settings.ini ([Appearance] high_contrast).
bool load_high_contrast(const std::filesystem::path& settings_file);
void save_high_contrast(const std::filesystem::path& settings_file, bool on);

// Repaints `top` and everything in it after the palette changed.
void repaint_all(wxWindow* top);

} // namespace cd::ui
