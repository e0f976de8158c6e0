#include "app/connection_state.h"

namespace cd::app {

Contact classify_contact(const Error* error) {
    if (error == nullptr) {
        return Contact::good;
    }
    switch (error->kind) {
    case ErrorKind::network:
    case ErrorKind::timeout:
    case ErrorKind::tls:
        return Contact::unreachable;
    case ErrorKind::protocol:
        return Contact::unreadable;
    case ErrorKind::http_status:
        return error->http_status >= 500 || error->http_status == 429 ? Contact::server_errors
                                                                      : Contact::good;
    case ErrorKind::validation:
    case ErrorKind::auth:
    case ErrorKind::conflict:
        return Contact::good;
    case ErrorKind::storage:
    case ErrorKind::crypto:
    case ErrorKind::cancelled:
        return Contact::none;
    }
    return Contact::none;
}

Message connection_status(const ConnectionReport& r) {
    const bool contact = !r.last_contact.empty();
    if (r.since.empty()) { // told only the state: no times to give
        return connection_status(r.state, r.platform_name);
    }
    switch (r.state) {
    case ConnectionState::not_configured:
    case ConnectionState::connecting:
    case ConnectionState::online:
        return connection_status(r.state, r.platform_name);
    case ConnectionState::offline:
        return contact ? msg(N_("Offline since {0}: {1} cannot be reached. Last contact {2}."),
                             {r.since, r.platform_name, r.last_contact})
                       : msg(N_("Offline since {0}: {1} cannot be reached."),
                             {r.since, r.platform_name});
    case ConnectionState::degraded:
        if (r.degradation == Degradation::unreadable) {
            return contact
                       ? msg(N_("Since {0} the platform's answer could not be read. Last "
                                "good answer {1}."),
                             {r.since, r.last_contact})
                       : msg(N_("Since {0} the platform's answer could not be read."), {r.since});
        }
        return contact ? msg(N_("Since {0} {1} answers with errors. Last good answer {2}."),
                             {r.since, r.platform_name, r.last_contact})
                       : msg(N_("Since {0} {1} answers with errors."), {r.since, r.platform_name});
    }
    return {};
}

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
    case ConnectionState::degraded:
        return msg(N_("{0} answers, but not as it should"), {platform_name});
    }
    return {};
}

Message open311_status(Open311State state) {
    if (state != Open311State::unreachable) {
        return {};
    }
    return msg(N_("The reports service (Open311) cannot be reached"));
}

} // namespace cd::app
