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

// Which server a request went to: My Voice's Open311 endpoint may be another one.
enum class Endpoint { platform, open311 };

class PlatformAccess {
public:
    using Client = std::shared_ptr<api::PlatformClient>;
    // Told of every call's outcome (null: success), on the UI thread: the connection state
    // (app/connection_monitor.h) follows every request, not only its own probes.
    using OutcomeListener = std::function<void(Endpoint, const Error*)>;

    virtual ~PlatformAccess() = default;
    // Calls `use` (on a background thread) with the client, or with why there is none.
    virtual void acquire(std::function<void(Result<Client>)> use) = 0;

    // UI thread only, like report(); empty removes the listener.
    void set_outcome_listener(OutcomeListener listener) { outcome_listener_ = std::move(listener); }
    void report(Endpoint endpoint, const Error* error) const {
        if (outcome_listener_) {
            outcome_listener_(endpoint, error);
        }
    }
    template <class T> void report(Endpoint endpoint, const Result<T>& result) const {
        report(endpoint, result.ok() ? nullptr : &result.error());
    }

private:
    OutcomeListener outcome_listener_;
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
// The outcome is reported to the platform's listener first, whether or not the screen lives.
template <class T, class Call, class OnResult>
void call_platform(PlatformAccess& platform, Dispatcher& ui, Call call, OnResult on_result) {
    platform.acquire([&platform, &ui, call = std::move(call),
                      on_result = std::move(on_result)](Result<PlatformAccess::Client> client) {
        if (!client.ok()) {
            ui.post([&platform, on_result, error = client.error()]() mutable {
                platform.report(Endpoint::platform, &error);
                on_result(Result<T>(error));
            });
            return;
        }
        call(**client, [&platform, &ui, on_result](Result<T> result) {
            ui.post([&platform, on_result, result = std::move(result)]() mutable {
                platform.report(Endpoint::platform, result);
                on_result(std::move(result));
            });
        });
    });
}

} // namespace cd::app
