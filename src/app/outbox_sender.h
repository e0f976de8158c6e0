// Delivers the vault's outbox (store/outbox.h): applications and My Voice reports that the
// citizen sent while the platform could not take them. Each kind of item has one deliverer,
// registered by the screen that owns that kind; flush() sends what is due, one item at a time,
// whenever there is a reason to try (the vault unlocked, the connection came back, the citizen
// signed in, a new item was queued). An item leaves the outbox only when its deliverer reports
// success; a failure is recorded with the time of the next try (backoff), so nothing is lost
// and nothing is sent twice at once. UI thread only.
#pragma once

#include "app/app_events.h"
#include "app/dispatcher.h"
#include "app/vault_service.h"
#include "store/outbox.h"

#include <chrono>
#include <functional>
#include <map>
#include <string>

namespace cd::app {

class OutboxSender {
public:
    // Sends one item and calls `done` (on any thread) with the server's reference for it (an
    // application id, a service request id) or the error.
    using Deliverer = std::function<void(const store::OutboxItem& item,
                                         std::function<void(Result<std::string>)> done)>;
    using Clock = std::function<std::chrono::system_clock::time_point()>;
    // Told on the UI thread after each attempt: the item, and the reference or the error.
    using Listener =
        std::function<void(const store::OutboxItem& item, const Result<std::string>& outcome)>;

    OutboxSender(Dispatcher& ui, VaultService& vault, EventHub& events, Clock now);
    OutboxSender(const OutboxSender&) = delete;
    OutboxSender& operator=(const OutboxSender&) = delete;

    // One deliverer per kind ("application.submit", "voice.report"); registering again
    // replaces it. Returns a token for remove_deliverer().
    void set_deliverer(const std::string& kind, Deliverer deliverer);
    void remove_deliverer(const std::string& kind);

    // Whose items may leave: the signed-in citizen's id ('' = nobody is signed in, nothing
    // leaves). An item goes only with the session of the citizen who queued it; items queued
    // before owners were recorded go only while one citizen alone has signed in on this vault.
    void set_citizen(std::function<std::string()> citizen) { citizen_ = std::move(citizen); }

    int add_listener(Listener listener);
    void remove_listener(int token);

    // Sends every due item of a known kind (skips when a flush is already running, but then
    // runs once more after it, so a reason to try is never lost).
    void flush();
    bool flushing() const { return flushing_; }

    // How long to wait before the next try after `attempts` failures: 30 s doubling up to an
    // hour. A failure that retrying cannot fix (validation, conflict) waits a day and is
    // reported to the listeners so the screen can tell the citizen.
    static std::chrono::seconds backoff(int attempts, bool retryable);

private:
    void send_next(std::vector<store::OutboxItem> items, std::size_t index);
    void finish();
    void report(const store::OutboxItem& item, const Result<std::string>& outcome);

    Dispatcher& ui_;
    VaultService& vault_;
    Clock now_;
    std::function<std::string()> citizen_;
    std::map<std::string, Deliverer> deliverers_;
    std::map<int, Listener> listeners_;
    int next_listener_ = 1;
    bool flushing_ = false;
    bool again_ = false;
    Subscription subscription_;
    Lifetime lifetime_;
};

} // namespace cd::app
