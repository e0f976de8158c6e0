// Where the app stands with its platform, and how that is said in the status bar.
#pragma once

#include "core/error.h"
#include "core/message.h"

#include <string>

namespace cd::app {

enum class ConnectionState {
    not_configured, // no platform chosen yet
    connecting,     // trying to reach it for the first time
    online,         // it answers
    offline,        // it could not be reached; working from what is stored
    degraded,       // it answers, but with server errors or answers that cannot be read
};

// The platform answers (well or badly): what AppEvent::online and ::offline follow. Moving
// between online and degraded is no reconnection, so screens do not reload on it.
inline bool reachable(ConnectionState state) {
    return state == ConnectionState::online || state == ConnectionState::degraded;
}

// Why a platform that answers is degraded.
enum class Degradation {
    none,
    unreadable,    // malformed, truncated or off-contract answers
    server_errors, // 5xx and 429
};

// What one request's outcome says about the connection.
enum class Contact {
    good,          // a well-formed answer, also a refusal such as 401, 404 or 422
    unreachable,   // no answer: refused, reset, timed out, TLS failed
    unreadable,    // an answer that could not be read
    server_errors, // the platform failed (5xx) or throttled (429)
    none,          // says nothing about the platform (cancelled, local storage)
};

// Classifies an outcome: null is a success.
Contact classify_contact(const Error* error);

// Everything the status bar says about the connection. Times are already local "HH:MM" text
// (empty: never), so the wording is pure.
struct ConnectionReport {
    ConnectionState state = ConnectionState::not_configured;
    std::string platform_name;
    Degradation degradation = Degradation::none; // degraded only
    std::string since;                           // when offline or degraded began
    std::string last_contact;                    // the last good answer
};

// The status-bar text: "Connected to {0}", "Offline since {0} - ...", ...
Message connection_status(const ConnectionReport& report);
Message connection_status(ConnectionState state, const std::string& platform_name);

// The Open311 endpoint (My Voice) is reported apart: it may be another server.
enum class Open311State { unknown, reachable, unreachable };
Message open311_status(Open311State state); // empty unless unreachable

} // namespace cd::app
