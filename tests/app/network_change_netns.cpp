// Run by network_change_test.cpp: in a network namespace of its own (so the host's network is
// untouched), watches with the app's GIO source, brings loopback up and adds the namespace's
// first default route, and iterates the default main context until the source reports the
// change. Exit 0: reported (prints how many changes, and the last "available"); 1: nothing was
// reported within 10 s; 77: the test cannot run here (the reason is printed).
#include "app/network_change.h"

#include <gio/gio.h>
#include <sched.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>

int main() {
    if (unshare(CLONE_NEWNET) != 0) {
        std::printf("cannot make a network namespace (unshare(CLONE_NEWNET): %s; it needs root "
                    "or CAP_SYS_ADMIN)\n",
                    std::strerror(errno));
        return 77;
    }
    // The netlink monitor is what a desktop without NetworkManager's portal uses; ask for it by
    // name so the test does not depend on which monitors this GIO was built with.
    g_setenv("GIO_USE_NETWORK_MONITOR", "netlink", TRUE);
    cd::app::InlineDispatcher ui;
    auto source = cd::app::make_network_change_source(ui);
    int changes = 0;
    bool available = false;
    source->set_listener([&](bool now) {
        ++changes;
        available = now;
    });
    // Settle what the monitor found at its start before changing anything.
    while (g_main_context_iteration(nullptr, FALSE)) {
    }
    if (changes != 0) {
        std::printf("a change was reported before any was made (%d)\n", changes);
        return 1;
    }
    if (std::system("ip link set lo up && ip route add default dev lo") != 0) {
        std::printf("cannot add a route in the namespace (is iproute2's 'ip' installed?)\n");
        return 77;
    }
    bool expired = false;
    const guint deadline = g_timeout_add_seconds(
        10,
        [](gpointer flag) -> gboolean {
            *static_cast<bool*>(flag) = true;
            return G_SOURCE_REMOVE;
        },
        &expired);
    while (changes == 0 && !expired) {
        g_main_context_iteration(nullptr, TRUE);
    }
    // The rest of the burst, if it came together.
    while (g_main_context_iteration(nullptr, FALSE)) {
    }
    if (!expired) {
        g_source_remove(deadline);
    }
    std::printf("changes %d available %d\n", changes, available ? 1 : 0);
    return changes > 0 ? 0 : 1;
}
