// Where the app stands with its platform, and how that is said in the status bar.
#pragma once

#include "core/message.h"

#include <string>

namespace cd::app {

enum class ConnectionState {
    not_configured, // no platform chosen yet
    connecting,     // trying to reach it
    online,         // it answered
    offline,        // it could not be reached; working from what is stored
};

// The status-bar text: "Connected to {0}", "Not connected to a platform yet", ...
Message connection_status(ConnectionState state, const std::string& platform_name);

} // namespace cd::app
