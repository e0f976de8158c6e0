// How results get back to the UI thread. Network and vault work run on their own threads;
// what they produce is posted through a Dispatcher: in the app it queues the task on the UI
// thread (wx CallAfter), in tests it runs the task at once, so tests are deterministic.
#pragma once

#include <functional>
#include <memory>

namespace cd::app {

class Dispatcher {
public:
    virtual ~Dispatcher() = default;
    // Runs task on the UI thread, later. Safe to call from any thread.
    virtual void post(std::function<void()> task) = 0;
};

// Runs every task immediately on the calling thread (tests, and code already on the UI thread).
class InlineDispatcher final : public Dispatcher {
public:
    void post(std::function<void()> task) override { task(); }
};

// A presenter owns one of these; a callback posted with guard() does nothing once the presenter
// is gone, so a late answer from the network can never touch a destroyed screen.
class Lifetime {
public:
    Lifetime() = default;
    Lifetime(const Lifetime&) = delete;
    Lifetime& operator=(const Lifetime&) = delete;

    template <class F> auto guard(F f) const {
        return
            [alive = std::weak_ptr<const int>(token_), f = std::move(f)](auto&&... args) mutable {
                if (!alive.expired()) {
                    f(std::forward<decltype(args)>(args)...);
                }
            };
    }

private:
    std::shared_ptr<const int> token_ = std::make_shared<const int>(0);
};

} // namespace cd::app
