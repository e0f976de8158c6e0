// The one source of truth for the connection: whether the platform answers (online), does not
// (offline) or answers badly (degraded), since when, and when it last answered well; and, apart,
// whether My Voice's Open311 endpoint answers. It follows its own probe (the city profile) and
// the outcome of every request any screen makes (follow() hooks PlatformAccess). Unreachable or
// degraded, it probes again after a backoff (5 s doubling to 5 min, with jitter); F5 probes at
// once, and so does the operating system's word that the network changed (watch(): GIO's
// GNetworkMonitor on Linux), once per burst of such words, since one cable plugged in is
// several link, address and route changes. The MainPresenter shows the result and, through
// PlatformData, publishes AppEvent::online/offline on real transitions only. UI thread only. The
// probe, the timer, the clock and the jitter are injected for tests.
#pragma once

#include "app/connection_state.h"
#include "app/dispatcher.h"
#include "app/main_presenter.h"
#include "app/network_change.h"
#include "app/platform_access.h"
#include "app/reconnect_backoff.h"
#include "core/error.h"

#include <chrono>
#include <functional>
#include <string>

namespace cd::app {

class ConnectionMonitor {
public:
    // Calls back (on any thread) with the platform's display name, or why it did not answer.
    using Probe = std::function<void(std::function<void(Result<std::string>)> done)>;
    using Clock = std::function<std::chrono::system_clock::time_point()>;

    struct Options {
        Probe probe;
        ReconnectTimer* timer = nullptr; // null: no automatic reconnection; outlives the monitor
        Clock now;                       // empty: the system clock
        ReconnectBackoff::Jitter jitter; // empty: random
        // The local clock's offset from UTC at a time, for "last contact 10:41" (default: the
        // computer's time zone).
        std::function<int(std::chrono::system_clock::time_point)> utc_offset_minutes;
    };

    ConnectionMonitor(MainPresenter& main, Dispatcher& ui, Probe probe);
    ConnectionMonitor(MainPresenter& main, Dispatcher& ui, Options options);
    ~ConnectionMonitor();
    ConnectionMonitor(const ConnectionMonitor&) = delete;
    ConnectionMonitor& operator=(const ConnectionMonitor&) = delete;

    // Starts a probe unless one is under way.
    void check();
    // The citizen asked (File > Reconnect) or the network came back: no more waiting.
    void reconnect_now();

    // A burst of network changes within this of the first makes one reconnection, not one each.
    static constexpr std::chrono::seconds network_burst{3};

    // Listens to the system's network changes until this monitor is gone; `source` outlives it.
    void watch(NetworkChangeSource& source);
    // The system says the network changed: unless the platform already answers, try at once
    // (once per burst); a change to "no network at all" is no reason to try.
    void on_network_changed(bool available);
    // How many reconnections network changes have started (for tests and the log).
    int network_reconnects() const { return network_reconnects_; }

    // Feeds it every request's outcome reported to `platform` until this monitor is gone.
    void follow(PlatformAccess& platform);
    // One request's outcome (null: success).
    void on_outcome(Endpoint endpoint, const Error* error);

    bool checking() const { return checking_; }
    ConnectionState state() const { return main_.connection(); }
    const ConnectionReport& report() const { return main_.connection_report(); }
    Open311State open311() const { return open311_; }
    // The wait before the reconnection attempt scheduled now; zero when none is.
    std::chrono::milliseconds reconnect_delay() const { return scheduled_delay_; }

    // The last failure, for the log and the status bar's tooltip; empty when online.
    const std::string& last_problem() const { return last_problem_; }

private:
    void apply(Contact contact, const Error* error);
    void enter(ConnectionState state, Degradation degradation);
    void schedule_reconnect();
    void cancel_reconnect();
    std::string clock_text(std::chrono::system_clock::time_point at) const;

    MainPresenter& main_;
    Dispatcher& ui_;
    Options options_;
    ReconnectBackoff backoff_;
    bool checking_ = false;
    std::chrono::milliseconds scheduled_delay_{0};
    bool contacted_ = false;
    std::chrono::system_clock::time_point last_contact_;
    Open311State open311_ = Open311State::unknown;
    std::string last_problem_;
    PlatformAccess* followed_ = nullptr;
    NetworkChangeSource* watched_ = nullptr;
    int network_reconnects_ = 0;
    std::chrono::system_clock::time_point last_network_reconnect_;
    Lifetime lifetime_;
};

} // namespace cd::app
