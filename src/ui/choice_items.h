// Fills a choice control with names the presenter gave (UTF-8) and selects one.
#pragma once

#include "ui/message_text.h"

#include <wx/choice.h>

#include <string>
#include <vector>

namespace cd::ui {

inline void set_choice_items(wxChoice& choice, const std::vector<std::string>& names,
                             std::size_t selected) {
    choice.Clear();
    for (const auto& name : names) {
        choice.Append(from_utf8(name));
    }
    if (selected < names.size()) {
        choice.SetSelection(static_cast<int>(selected));
    }
}

} // namespace cd::ui
