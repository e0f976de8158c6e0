#include "app/network_change.h"

#include "diag/log.h"

#include <gio/gio.h>

namespace cd::app {

namespace {

// GNetworkMonitor is a process-wide singleton; its "network-changed" signal is emitted on the
// main context that was the thread default when it was first asked for: the default context
// when that is the UI thread, which the wx GTK port iterates, so the listener needs no posting.
class GioNetworkChangeSource final : public NetworkChangeSource {
public:
    GioNetworkChangeSource() : monitor_(g_network_monitor_get_default()) {
        if (monitor_ == nullptr) {
            diag::warn(diag::Category::app, "no network monitor: reconnecting on the backoff only");
            return;
        }
        // GLib's convenience macros cast C-style; the functions they stand for do not.
        handler_ = g_signal_connect_data(monitor_, "network-changed",
                                         reinterpret_cast<GCallback>(&on_changed), this, nullptr,
                                         GConnectFlags{});
        diag::info(diag::Category::app, "watching network changes with ",
                   g_type_name_from_instance(reinterpret_cast<GTypeInstance*>(monitor_)));
    }
    ~GioNetworkChangeSource() override {
        if (monitor_ != nullptr) {
            g_signal_handler_disconnect(monitor_, handler_);
        }
    }
    GioNetworkChangeSource(const GioNetworkChangeSource&) = delete;
    GioNetworkChangeSource& operator=(const GioNetworkChangeSource&) = delete;

    void set_listener(Listener listener) override { listener_ = std::move(listener); }

private:
    static void on_changed(GNetworkMonitor*, gboolean available, gpointer self) {
        auto* source = static_cast<GioNetworkChangeSource*>(self);
        if (source->listener_) {
            source->listener_(available != FALSE);
        }
    }

    GNetworkMonitor* monitor_ = nullptr; // GIO's, for the life of the process: not ours to unref
    gulong handler_ = 0;
    Listener listener_;
};

} // namespace

std::unique_ptr<NetworkChangeSource> make_network_change_source(Dispatcher&) {
    return std::make_unique<GioNetworkChangeSource>();
}

} // namespace cd::app
