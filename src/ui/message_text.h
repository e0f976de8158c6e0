// Turns a presenter's Message (English msgid + arguments) into the text shown: translated
// with the active catalog, then the arguments filled in.
#pragma once

#include "core/message.h"

#include <wx/string.h>

namespace cd::ui {

wxString tr(const cd::Message& message);

inline wxString from_utf8(const std::string& s) {
    return wxString::FromUTF8(s.data(), s.size());
}

} // namespace cd::ui
