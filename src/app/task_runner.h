// Where slow work goes so the UI thread never waits: file reads and writes, key derivation,
// seeding the demo platform. A TaskRunner runs tasks in order on its own thread; results come
// back through a Dispatcher. Tests use InlineTaskRunner for determinism.
#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

namespace cd::app {

class TaskRunner {
public:
    virtual ~TaskRunner() = default;
    virtual void run(std::function<void()> task) = 0;
};

class InlineTaskRunner final : public TaskRunner {
public:
    void run(std::function<void()> task) override { task(); }
};

// One worker thread; tasks run in submission order. The destructor finishes the queue, then
// joins: tasks must therefore be short or cancellable.
class ThreadTaskRunner final : public TaskRunner {
public:
    explicit ThreadTaskRunner(std::string thread_name);
    ~ThreadTaskRunner() override;
    ThreadTaskRunner(const ThreadTaskRunner&) = delete;
    ThreadTaskRunner& operator=(const ThreadTaskRunner&) = delete;

    void run(std::function<void()> task) override;

private:
    void loop(std::string name);

    std::mutex mutex_;
    std::condition_variable wake_;
    std::deque<std::function<void()>> queue_;
    bool stopping_ = false;
    std::thread thread_;
};

} // namespace cd::app
