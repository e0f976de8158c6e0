#include "app/app_events.h"

#include <vector>

namespace cd::app {

int EventHub::subscribe(Listener listener) {
    int token = next_++;
    listeners_.emplace(token, std::move(listener));
    return token;
}

void EventHub::unsubscribe(int token) {
    listeners_.erase(token);
}

void EventHub::publish(AppEvent event) {
    // A listener may subscribe or unsubscribe while we deliver: walk a snapshot of the tokens.
    std::vector<int> tokens;
    tokens.reserve(listeners_.size());
    for (const auto& [token, listener] : listeners_) {
        tokens.push_back(token);
    }
    for (int token : tokens) {
        auto it = listeners_.find(token);
        if (it != listeners_.end()) {
            Listener listener = it->second; // a copy: the listener may unsubscribe itself
            listener(event);
        }
    }
}

} // namespace cd::app
