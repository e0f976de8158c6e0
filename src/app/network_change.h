// The operating system's word that the network may be back (a link came up, a route or an
// address changed), so the connection monitor need not wait out its backoff. Linux asks GIO's
// GNetworkMonitor (network_change_gio.cpp), Windows the IP helper's interface notifications
// (network_change_win.cpp); elsewhere nothing is said (network_change_none.cpp) and the backoff
// alone brings the app back. CMake compiles exactly one of the three.
#pragma once

#include "app/dispatcher.h"

#include <functional>
#include <memory>

namespace cd::app {

class NetworkChangeSource {
public:
    // `available`: the system now has a route to somewhere (false: it says it has none).
    using Listener = std::function<void(bool available)>;

    virtual ~NetworkChangeSource() = default;
    // Called on the UI thread for every change the system reports, often several in a burst;
    // an empty listener stops the calls.
    virtual void set_listener(Listener listener) = 0;
};

// The platform's source. `ui` is where changes are delivered; the GIO one needs no posting: it
// runs on the default GLib main context, which the wx GTK port iterates on the UI thread.
std::unique_ptr<NetworkChangeSource> make_network_change_source(Dispatcher& ui);

} // namespace cd::app
