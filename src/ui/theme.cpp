#include "ui/theme.h"

#include <wx/fileconf.h>
#include <wx/settings.h>
#include <wx/window.h>

#include <system_error>

namespace cd::ui {

namespace {

bool high_contrast_setting = false;
bool elder_setting = false;

} // namespace

bool system_theme_is_dark() {
    return wxSystemSettings::GetAppearance().IsDark();
}

bool system_theme_is_high_contrast() {
    // GTK names its high-contrast themes so ("HighContrast", "HighContrastInverse").
    return wxSystemSettings::GetAppearance().GetName().Lower().Contains("highcontrast");
}

app::PaletteVariant current_palette_variant() {
    if (high_contrast_setting || system_theme_is_high_contrast()) {
        return app::PaletteVariant::high_contrast;
    }
    return elder_setting ? app::PaletteVariant::elder : app::PaletteVariant::normal;
}

const app::Palette& current_palette() {
    return app::palette(current_palette_variant(), system_theme_is_dark());
}

wxColour to_wx(app::Rgb colour) {
    return wxColour(colour.r, colour.g, colour.b);
}

bool high_contrast() {
    return high_contrast_setting;
}

void set_high_contrast(bool on) {
    high_contrast_setting = on;
}

void set_elder_palette(bool on) {
    elder_setting = on;
}

bool load_high_contrast(const std::filesystem::path& settings_file) {
    std::error_code ec;
    if (!std::filesystem::exists(settings_file, ec)) {
        return false;
    }
    wxFileConfig config(wxEmptyString, wxEmptyString, wxString(settings_file.native()),
                        wxEmptyString, wxCONFIG_USE_LOCAL_FILE);
    bool on = false;
    config.Read("/Appearance/high_contrast", &on, false);
    return on;
}

void save_high_contrast(const std::filesystem::path& settings_file, bool on) {
    std::error_code ec;
    std::filesystem::create_directories(settings_file.parent_path(), ec);
    wxFileConfig config(wxEmptyString, wxEmptyString, wxString(settings_file.native()),
                        wxEmptyString, wxCONFIG_USE_LOCAL_FILE);
    config.Write("/Appearance/high_contrast", on);
    config.Flush();
}

void repaint_all(wxWindow* top) {
    top->Refresh();
    for (wxWindow* child : top->GetChildren()) {
        repaint_all(child);
    }
}

} // namespace cd::ui
