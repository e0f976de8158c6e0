#include "ui/window_state.h"

#include "app/window_fit.h"
#include "core/path_text.h"
#include "diag/log.h"

#include <wx/display.h>
#include <wx/fileconf.h>
#include <wx/filename.h>
#include <wx/toplevel.h>

#include <system_error>

namespace cd::ui {

namespace {

wxString config_path(const std::filesystem::path& file) {
    return wxString(file.native());
}

} // namespace

WindowState load_window_state(const std::filesystem::path& settings_file) {
    WindowState state;
    std::error_code ec;
    if (!std::filesystem::exists(settings_file, ec)) {
        return state;
    }
    wxFileConfig config(wxEmptyString, wxEmptyString, config_path(settings_file), wxEmptyString,
                        wxCONFIG_USE_LOCAL_FILE);
    config.SetPath("/MainWindow");
    long x = 0, y = 0, w = 0, h = 0, tab = -1;
    if (config.Read("x", &x) && config.Read("y", &y) && config.Read("width", &w) &&
        config.Read("height", &h)) {
        state.frame = wxRect(int(x), int(y), int(w), int(h));
    }
    config.Read("maximized", &state.maximized, false);
    if (config.Read("tab", &tab)) {
        state.tab = tab;
    }
    config.Read("text_percent", &state.text_percent, 100L);
    return state;
}

void save_window_state(const std::filesystem::path& settings_file, const WindowState& state) {
    std::error_code ec;
    std::filesystem::create_directories(settings_file.parent_path(), ec);
    wxFileConfig config(wxEmptyString, wxEmptyString, config_path(settings_file), wxEmptyString,
                        wxCONFIG_USE_LOCAL_FILE);
    config.SetPath("/MainWindow");
    config.Write("x", long(state.frame.x));
    config.Write("y", long(state.frame.y));
    config.Write("width", long(state.frame.width));
    config.Write("height", long(state.frame.height));
    config.Write("maximized", state.maximized);
    if (state.tab) {
        config.Write("tab", *state.tab);
    }
    config.Write("text_percent", state.text_percent);
    if (!config.Flush()) {
        diag::warn(diag::Category::ui, "could not save the window state to ",
                   path_to_utf8(settings_file));
    }
}

void apply_window_state(wxTopLevelWindow& window, const WindowState& state) {
    const wxRect& r = state.frame;
    const wxSize min = window.GetMinSize();
    const bool usable = !r.IsEmpty() && r.width >= min.x && r.height >= min.y;
    // The title bar's middle must be on some display, or the citizen cannot grab the window.
    const bool visible =
        usable && wxDisplay::GetFromPoint(wxPoint(r.x + r.width / 2, r.y + 10)) != wxNOT_FOUND;
    if (visible) {
        window.SetSize(r);
    } else {
        window.CentreOnScreen();
    }
    fit_to_display(window);
    if (state.maximized) {
        window.Maximize();
    }
}

void fit_to_display(wxTopLevelWindow& window) {
    const int index = wxDisplay::GetFromWindow(&window);
    const wxRect area = wxDisplay(index != wxNOT_FOUND ? unsigned(index) : 0U).GetClientArea();
    const app::ScreenRect work{area.x, area.y, area.width, area.height};
    const wxSize min = window.GetMinSize();
    const app::ScreenRect min_fit = app::fit_min_size({0, 0, min.x, min.y}, work);
    window.SetMinSize(wxSize(min_fit.width, min_fit.height));
    const wxRect r = window.GetRect();
    const app::ScreenRect fitted = app::fit_to_work_area({r.x, r.y, r.width, r.height}, work);
    if (fitted != app::ScreenRect{r.x, r.y, r.width, r.height}) {
        window.SetSize(fitted.x, fitted.y, fitted.width, fitted.height);
    }
}

WindowState capture_window_state(const wxTopLevelWindow& window, std::optional<long> tab,
                                 long text_percent) {
    WindowState state;
    state.maximized = window.IsMaximized();
    // Keep the normal (unmaximised) rectangle where the toolkit knows it.
    state.frame = window.GetRect();
    state.tab = tab;
    state.text_percent = text_percent;
    return state;
}

} // namespace cd::ui
