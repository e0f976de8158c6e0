#include "app/task_runner.h"

#include "diag/log.h"

#include <exception>

namespace cd::app {

ThreadTaskRunner::ThreadTaskRunner(std::string thread_name)
    : thread_([this, name = std::move(thread_name)] { loop(name); }) {}

ThreadTaskRunner::~ThreadTaskRunner() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_one();
    thread_.join();
}

void ThreadTaskRunner::run(std::function<void()> task) {
    {
        std::lock_guard lock(mutex_);
        queue_.push_back(std::move(task));
    }
    wake_.notify_one();
}

void ThreadTaskRunner::loop(std::string name) {
    diag::set_thread_name(name);
    while (true) {
        std::function<void()> task;
        {
            std::unique_lock lock(mutex_);
            wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
            if (queue_.empty()) {
                return; // stopping, and nothing left to do
            }
            task = std::move(queue_.front());
            queue_.pop_front();
        }
        try {
            task();
        } catch (const std::exception& e) {
            diag::error(diag::Category::app, "background task failed: ", e.what());
        } catch (...) {
            diag::error(diag::Category::app, "background task failed with an unknown exception");
        }
    }
}

} // namespace cd::app
