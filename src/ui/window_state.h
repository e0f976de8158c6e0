// The main window's size, position, maximised state and last tab, kept between runs in the
// settings file (settings.ini in the settings folder; nothing personal is ever written there).
#pragma once

#include <wx/gdicmn.h>

#include <filesystem>
#include <optional>

class wxTopLevelWindow;

namespace cd::ui {

struct WindowState {
    wxRect frame; // in screen pixels; empty = let the system place it
    bool maximized = false;
    std::optional<long> tab; // index as saved; the presenter decides whether it is valid
    long text_percent = 100; // app::TextSize, as a percentage of the system size
};

WindowState load_window_state(const std::filesystem::path& settings_file);
void save_window_state(const std::filesystem::path& settings_file, const WindowState& state);

// Applies a saved state, ignoring a rectangle that would put the window off every display
// (a monitor unplugged since) or one too small to use.
void apply_window_state(wxTopLevelWindow& window, const WindowState& state);
// Shrinks and moves `window` (and its minimum size) into the work area of its display: a size
// in DIPs at a large scale factor, or a saved rectangle from a bigger monitor, can exceed it.
void fit_to_display(wxTopLevelWindow& window);
WindowState capture_window_state(const wxTopLevelWindow& window, std::optional<long> tab,
                                 long text_percent);

} // namespace cd::ui
