// Things that happen to the whole app and that several screens follow: the vault unlocked or
// locked, the citizen signed in or out, the connection changed, the catalog or city profile
// arrived. Screens subscribe on the UI thread; publish() is UI-thread only too.
#pragma once

#include <functional>
#include <map>

namespace cd::app {

enum class AppEvent {
    vault_unlocked,
    vault_locked,
    signed_in,
    signed_out,
    online,
    offline,
    city_changed,
    catalog_changed,
    payment_recorded, // the ledger gained or settled an entry (history and charts refresh)
    open311_changed,  // My Voice speaks to another Open311 endpoint: categories, feed, reports
};

class EventHub {
public:
    using Listener = std::function<void(AppEvent)>;

    // Returns a token for unsubscribe().
    int subscribe(Listener listener);
    void unsubscribe(int token);
    void publish(AppEvent event);

private:
    std::map<int, Listener> listeners_;
    int next_ = 1;
};

// Unsubscribes when it goes out of scope: a presenter keeps one per subscription.
class Subscription {
public:
    Subscription() = default;
    Subscription(EventHub& hub, EventHub::Listener listener)
        : hub_(&hub), token_(hub.subscribe(std::move(listener))) {}
    ~Subscription() { reset(); }
    Subscription(Subscription&& other) noexcept : hub_(other.hub_), token_(other.token_) {
        other.hub_ = nullptr;
    }
    Subscription& operator=(Subscription&& other) noexcept {
        if (this != &other) {
            reset();
            hub_ = other.hub_;
            token_ = other.token_;
            other.hub_ = nullptr;
        }
        return *this;
    }
    void reset() {
        if (hub_ != nullptr) {
            hub_->unsubscribe(token_);
            hub_ = nullptr;
        }
    }

private:
    EventHub* hub_ = nullptr;
    int token_ = 0;
};

} // namespace cd::app
