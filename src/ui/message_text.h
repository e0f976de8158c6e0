// Turns a presenter's Message (English msgid + arguments) into the text shown: translated
// with the active catalog, then the arguments filled in.
#pragma once

#include "core/message.h"
#include "core/money.h"

#include <wx/string.h>

namespace cd::ui {

wxString tr(const cd::Message& message);

inline wxString from_utf8(const std::string& s) {
    return wxString::FromUTF8(s.data(), s.size());
}

// An amount as shown everywhere: "¥48.54".
inline wxString yuan(Money m) {
    return wxString::FromUTF8("\xC2\xA5") + from_utf8(to_decimal_string(m));
}

} // namespace cd::ui
