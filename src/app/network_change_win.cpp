#include "app/network_change.h"

#include "diag/log.h"

// winsock2 must come before the IP helper headers, so the order is not alphabetical.
// clang-format off
#include <winsock2.h>
#include <ws2ipdef.h>
#include <iphlpapi.h>
#include <netioapi.h>
// clang-format on

#include <mutex>

namespace cd::app {

namespace {

// The IP helper calls back on a thread of its own whenever an interface is added, removed or
// changes (up, down, new address): each call is posted to the UI thread. It cannot say whether
// the change brought a route back, so every change counts as "may be available" and the
// monitor's probe finds out.
class WinNetworkChangeSource final : public NetworkChangeSource {
public:
    explicit WinNetworkChangeSource(Dispatcher& ui)
        : state_(std::make_shared<State>(ui)),
          context_(std::make_unique<std::weak_ptr<State>>(state_)) {
        const DWORD status =
            NotifyIpInterfaceChange(AF_UNSPEC, &on_change, context_.get(), FALSE, &handle_);
        if (status != NO_ERROR) {
            handle_ = nullptr;
            diag::warn(diag::Category::app, "NotifyIpInterfaceChange failed (", status,
                       "): reconnecting on the backoff only");
        }
    }
    ~WinNetworkChangeSource() override {
        if (handle_ != nullptr) {
            CancelMibChangeNotify2(handle_); // returns once no callback is running any more
        }
    }
    WinNetworkChangeSource(const WinNetworkChangeSource&) = delete;
    WinNetworkChangeSource& operator=(const WinNetworkChangeSource&) = delete;

    void set_listener(Listener listener) override {
        std::lock_guard lock(state_->mutex);
        state_->listener = std::move(listener);
    }

private:
    struct State {
        explicit State(Dispatcher& d) : ui(d) {}
        Dispatcher& ui;
        std::mutex mutex; // the listener is read on the IP helper's thread
        Listener listener;
    };

    static VOID NETIOAPI_API_ on_change(PVOID context, PMIB_IPINTERFACE_ROW,
                                        MIB_NOTIFICATION_TYPE) {
        std::shared_ptr<State> state = static_cast<std::weak_ptr<State>*>(context)->lock();
        if (!state) {
            return;
        }
        // The source may be gone by the time the UI thread runs this: hold it weakly.
        state->ui.post([alive = std::weak_ptr<State>(state)] {
            const std::shared_ptr<State> now = alive.lock();
            if (!now) {
                return;
            }
            Listener listener;
            {
                std::lock_guard lock(now->mutex);
                listener = now->listener;
            }
            if (listener) {
                listener(true);
            }
        });
    }

    std::shared_ptr<State> state_;
    std::unique_ptr<std::weak_ptr<State>> context_; // what the callback is given; outlives it
    HANDLE handle_ = nullptr;
};

} // namespace

std::unique_ptr<NetworkChangeSource> make_network_change_source(Dispatcher& ui) {
    return std::make_unique<WinNetworkChangeSource>(ui);
}

} // namespace cd::app
