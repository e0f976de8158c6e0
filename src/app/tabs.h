// The tabs of the main window (Home first, where a new citizen starts), in their fixed order, with
// their titles.
#pragma once

#include "core/message.h"

#include <array>
#include <optional>

namespace cd::app {

enum class Tab { home = 0, life = 1, government = 2, payments = 3, voice = 4 };

inline constexpr std::array<Tab, 5> all_tabs{Tab::home, Tab::life, Tab::government, Tab::payments,
                                             Tab::voice};
inline constexpr std::size_t tab_count = all_tabs.size();

Message tab_title(Tab tab);

// What the tab offers, said once the citizen has nothing there yet.
Message tab_purpose(Tab tab);

// A saved index back to a tab; nothing for an index that is no tab (a stale settings file).
std::optional<Tab> tab_from_index(long index);
inline int tab_index(Tab tab) {
    return static_cast<int>(tab);
}

} // namespace cd::app
