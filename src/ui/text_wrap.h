// Line breaking that also works for Chinese: wxStaticText::Wrap breaks only at spaces, and a
// Chinese sentence has none. Breaks at spaces where there are any, else between characters.
#pragma once

#include <wx/string.h>

class wxWindow;

namespace cd::ui {

// Inserts newlines so that no line is wider than width pixels in window's current font.
wxString wrap_to_width(const wxWindow& window, const wxString& text, int width);

} // namespace cd::ui
