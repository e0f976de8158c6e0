#include "ui/text_wrap.h"

#include <wx/window.h>

namespace cd::ui {

namespace {

// East Asian ideographs, kana, hangul and full-width forms may break anywhere.
bool breaks_anywhere(wxUniChar c) {
    const auto v = c.GetValue();
    return (v >= 0x2E80 && v <= 0x9FFF) || (v >= 0xAC00 && v <= 0xD7AF) ||
           (v >= 0xF900 && v <= 0xFAFF) || (v >= 0xFF00 && v <= 0xFFEF);
}

} // namespace

wxString wrap_to_width(const wxWindow& window, const wxString& text, int width) {
    wxString out;
    wxString line;
    long last_break = -1; // index in line after which a break may go
    for (wxUniChar c : text) {
        if (c == '\n') {
            out += line + "\n";
            line.clear();
            last_break = -1;
            continue;
        }
        line += c;
        if (c == ' ' || breaks_anywhere(c)) {
            last_break = long(line.length());
        }
        if (window.GetTextExtent(line).x <= width || line.length() == 1) {
            continue;
        }
        // Too wide: break at the last opportunity, or before this character.
        const long cut = last_break > 0 && last_break < long(line.length())
                             ? last_break
                             : long(line.length()) - 1;
        wxString head = line.Left(std::size_t(cut));
        head.Trim();
        out += head + "\n";
        line = line.Mid(std::size_t(cut));
        line.Trim(false);
        last_break = -1;
    }
    return out + line;
}

} // namespace cd::ui
