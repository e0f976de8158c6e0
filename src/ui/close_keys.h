// Esc and Ctrl+W close every secondary window (a dialog, a service guide), as citizens who
// use the keyboard expect; the main window is left alone (Ctrl+W there would quit the app).
#pragma once

class wxTopLevelWindow;

namespace cd::ui {

// Installs the keys for every window other than `main`, for as long as `main` lives: one
// handler on the application object, which every window's unhandled key hook reaches.
void close_secondary_windows_with_keys(wxTopLevelWindow* main);

// Whether a key closes a secondary window: Esc, or Ctrl+W (Cmd+W on macOS).
bool is_close_key(int key_code, bool control_down, bool other_modifiers);

} // namespace cd::ui
