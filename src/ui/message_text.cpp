#include "ui/message_text.h"

#include <wx/translation.h>

namespace cd::ui {

wxString tr(const cd::Message& message) {
    if (message.empty()) {
        return wxString();
    }
    const wxString translated = wxGetTranslation(from_utf8(message.id));
    const wxScopedCharBuffer utf8 = translated.utf8_str();
    return from_utf8(cd::format_message(std::string(utf8.data(), utf8.length()), message.args));
}

} // namespace cd::ui
