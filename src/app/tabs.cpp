#include "app/tabs.h"

namespace cd::app {

Message tab_title(Tab tab) {
    switch (tab) {
    case Tab::home:
        return msg(N_("Home"));
    case Tab::life:
        return msg(N_("My Life"));
    case Tab::government:
        return msg(N_("My Government"));
    case Tab::payments:
        return msg(N_("My Payments"));
    case Tab::voice:
        return msg(N_("My Voice"));
    }
    return {};
}

Message tab_purpose(Tab tab) {
    switch (tab) {
    case Tab::home:
        return msg(N_("What needs your attention today and suggestions for you will appear "
                      "here."));
    case Tab::life:
        return msg(N_("Convenience services, weather and air quality, holidays and community "
                      "service stations will appear here."));
    case Tab::government:
        return msg(N_("Government services and their guides, your applications and your "
                      "appointments will appear here."));
    case Tab::payments:
        return msg(N_("Bills that are due, payments and your private payment history will "
                      "appear here."));
    case Tab::voice:
        return msg(N_("Your reports and suggestions to the city, their replies, and the city's "
                      "public feed will appear here."));
    }
    return {};
}

std::optional<Tab> tab_from_index(long index) {
    if (index < 0 || index >= static_cast<long>(all_tabs.size())) {
        return std::nullopt;
    }
    return all_tabs[static_cast<std::size_t>(index)];
}

} // namespace cd::app
