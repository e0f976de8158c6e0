// Delivers the vault's outbox (store/outbox.h): applications and My Voice reports that the
// citizen sent while the platform could not take them. Each kind of item has one deliverer,
// registered by the screen that owns that kind; flush() sends what is due, one item at a time,
// whenever there is a reason to try (the vault unlocked, the connection came back, the citizen
// signed in, a new item was queued). An item leaves the outbox only when its deliverer reports
// success. An item is in one of three states, and the citizen is told which: waiting (the
// server could not be reached or asked us to come back: tried again with backoff), refused
// (the server answered "no" for good: kept with the server's reason until the citizen edits
// and sends it again or discards it) or delivered (gone from the queue). Nothing is lost and
// nothing is sent twice at once. UI thread only.
#pragma once

#include "app/app_events.h"
#include "app/dispatcher.h"
#include "app/vault_service.h"
#include "store/outbox.h"

#include <chrono>
#include <cstdint>
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

    // A number in [0, 1) for the backoff's jitter.
    using Random = std::function<double()>;
    using CountListener = std::function<void(std::int64_t refused)>;

    OutboxSender(Dispatcher& ui, VaultService& vault, EventHub& events, Clock now,
                 Random random = {});
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

    // How long to wait before the next try after `attempts` failures: 30 s doubling up to
    // 15 minutes (an item waits minutes, not a day, once the platform is back).
    static std::chrono::seconds backoff(int attempts);
    // The delay spread by +-20 % (unit in [0, 1)), so many clients coming back online do not
    // all knock at the same second.
    static std::chrono::seconds with_jitter(std::chrono::seconds delay, double unit);
    // A "no" that sending the same item again cannot change: a 4xx other than 401 (sign in
    // again), 408, 425 and 429, or an item that cannot be sent at all (unreadable, file gone).
    static bool refused_for_good(const Error& error);

    // How many refused items wait for the citizen (the status bar shows the number). Told now
    // and whenever it may have changed; one listener (the main window).
    void set_refused_count_listener(CountListener listener);
    // Reads the number again (after a discard or a replacement).
    void refresh_refused_count();

private:
    void send_next(std::vector<store::OutboxItem> items, std::size_t index);
    void finish();
    void report(const store::OutboxItem& item, const Result<std::string>& outcome);
    void fail(std::vector<store::OutboxItem> items, std::size_t index, const Error& error);

    Dispatcher& ui_;
    VaultService& vault_;
    Clock now_;
    std::function<std::string()> citizen_;
    Random random_;
    CountListener count_listener_;
    std::map<std::string, Deliverer> deliverers_;
    std::map<int, Listener> listeners_;
    int next_listener_ = 1;
    bool flushing_ = false;
    bool again_ = false;
    Subscription subscription_;
    Lifetime lifetime_;
};

// The refusal kept with an item: the citizen's words for it (a Message, with the server's own
// reason as its argument where there is one), encoded to text and back.
std::string encode_refusal(const Message& reason);
Message decode_refusal(const std::string& text);

} // namespace cd::app
