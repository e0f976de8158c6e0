// How presenters reach the platform. The client may not exist yet when a screen opens (the
// embedded demo platform is still seeding, say), so a presenter asks for it and gets it, or
// the error, on a background thread; call_platform() wraps the usual round trip: ask for the
// client, make one call, and hand the typed result to the presenter on the UI thread.
#pragma once

#include "api/platform_client.h"
#include "app/dispatcher.h"
#include "core/error.h"

#include <functional>
#include <memory>
#include <utility>

namespace cd::app {

class PlatformAccess {
public:
    using Client = std::shared_ptr<api::PlatformClient>;
    virtual ~PlatformAccess() = default;
    // Calls `use` (on a background thread) with the client, or with why there is none.
    virtual void acquire(std::function<void(Result<Client>)> use) = 0;
};

// A client that already exists: tests, and platforms given by URL.
class FixedPlatformAccess final : public PlatformAccess {
public:
    explicit FixedPlatformAccess(Client client) : client_(std::move(client)) {}
    void acquire(std::function<void(Result<Client>)> use) override {
        if (client_) {
            use(client_);
        } else {
            Error error = make_error(ErrorKind::network, "no platform configured");
            error.user_message = msg(N_("No platform is configured."));
            use(error);
        }
    }

private:
    Client client_;
};

// Makes one platform call and delivers its result on the UI thread:
//   call_platform<api::Forecast>(platform, ui,
//       [district](api::PlatformClient& c, auto done) { c.weather(district, done); },
//       lifetime.guard([this](Result<api::Forecast> r) { ... }));
// Guard `on_result` with the presenter's Lifetime so a late answer finds no dead screen.
template <class T, class Call, class OnResult>
void call_platform(PlatformAccess& platform, Dispatcher& ui, Call call, OnResult on_result) {
    platform.acquire([&ui, call = std::move(call),
                      on_result = std::move(on_result)](Result<PlatformAccess::Client> client) {
        if (!client.ok()) {
            ui.post([on_result, error = client.error()]() mutable { on_result(Result<T>(error)); });
            return;
        }
        call(**client, [&ui, on_result](Result<T> result) {
            ui.post([on_result, result = std::move(result)]() mutable {
                on_result(std::move(result));
            });
        });
    });
}

} // namespace cd::app
