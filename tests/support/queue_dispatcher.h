// A Dispatcher for presenter tests that behaves like the UI thread: posted tasks wait in a
// queue until the test runs them on its own thread (run_until / drain). Results from the
// network or store threads therefore reach presenters on one thread, in order, as in the app.
#pragma once

#include "app/dispatcher.h"

#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>

namespace cd::test {

class QueueDispatcher final : public app::Dispatcher {
public:
    void post(std::function<void()> task) override {
        {
            std::lock_guard lock(mutex_);
            tasks_.push_back(std::move(task));
        }
        wake_.notify_all();
    }

    // Runs posted tasks until pred() holds (checked after each task) or `limit` passes with
    // nothing making it hold. The limit bounds a wait; it asserts nothing about speed.
    bool run_until(const std::function<bool()>& pred,
                   std::chrono::milliseconds limit = std::chrono::seconds(20)) {
        const auto deadline = std::chrono::steady_clock::now() + limit;
        while (!pred()) {
            std::function<void()> task;
            {
                std::unique_lock lock(mutex_);
                if (!wake_.wait_until(lock, deadline, [this] { return !tasks_.empty(); })) {
                    return pred();
                }
                task = std::move(tasks_.front());
                tasks_.pop_front();
            }
            task();
        }
        return true;
    }

    // Runs what is queued now (and what those tasks post), without waiting for more.
    void drain() {
        for (;;) {
            std::function<void()> task;
            {
                std::lock_guard lock(mutex_);
                if (tasks_.empty()) {
                    return;
                }
                task = std::move(tasks_.front());
                tasks_.pop_front();
            }
            task();
        }
    }

private:
    std::mutex mutex_;
    std::condition_variable wake_;
    std::deque<std::function<void()>> tasks_;
};

} // namespace cd::test
