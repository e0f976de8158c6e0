#include "app/network_change.h"

namespace cd::app {

namespace {
// No system signal on this platform: the monitor's backoff alone reconnects.
class SilentNetworkChangeSource final : public NetworkChangeSource {
public:
    void set_listener(Listener) override {}
};
} // namespace

std::unique_ptr<NetworkChangeSource> make_network_change_source(Dispatcher&) {
    return std::make_unique<SilentNetworkChangeSource>();
}

} // namespace cd::app
