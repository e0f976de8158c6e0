// The four tabs of the main window, in their fixed order, with their titles.
#pragma once

#include "core/message.h"

#include <array>
#include <optional>

namespace cd::app {

enum class Tab { life = 0, government = 1, payments = 2, voice = 3 };

inline constexpr std::array<Tab, 4> all_tabs{Tab::life, Tab::government, Tab::payments, Tab::voice};

Message tab_title(Tab tab);

// What the tab offers, said once the citizen has nothing there yet.
Message tab_purpose(Tab tab);

// A saved index back to a tab; nothing for an index that is no tab (a stale settings file).
std::optional<Tab> tab_from_index(long index);
inline int tab_index(Tab tab) {
    return static_cast<int>(tab);
}

} // namespace cd::app
