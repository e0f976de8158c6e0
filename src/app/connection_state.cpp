#include "app/connection_state.h"

namespace cd::app {

Message connection_status(ConnectionState state, const std::string& platform_name) {
    switch (state) {
    case ConnectionState::not_configured:
        return msg(N_("Not connected to a platform yet"));
    case ConnectionState::connecting:
        return msg(N_("Connecting to {0}…"), {platform_name});
    case ConnectionState::online:
        return msg(N_("Connected to {0}"), {platform_name});
    case ConnectionState::offline:
        return msg(N_("Offline: {0} cannot be reached"), {platform_name});
    }
    return {};
}

} // namespace cd::app
