// The one thread that owns the vault's connection (ARCHITECTURE.md, "Threads"). Jobs run on it
// in order; each result comes back through the deliver function the app passes (in the app it
// posts to the UI thread; in tests it runs inline). The KDF, every query and every write run
// here, never on the UI thread.
#pragma once

#include "core/error.h"

#include <condition_variable>
#include <deque>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <type_traits>
#include <utility>

namespace cd::store {

class StoreThread {
public:
    // Runs a continuation where the caller wants results (e.g. wx CallAfter). Default: on the
    // store thread itself.
    using Deliver = std::function<void(std::function<void()>)>;

    explicit StoreThread(Deliver deliver = {});
    // Finishes the jobs already queued, then joins.
    ~StoreThread();
    StoreThread(const StoreThread&) = delete;
    StoreThread& operator=(const StoreThread&) = delete;

    // Queues `job`; its result is handed to `done` through the deliver function. `job` returns
    // a Result (or Status): if it throws, `done` still gets an answer, an Error, so no caller
    // waits forever for a job that died.
    template <class Job, class Done> void post(Job job, Done done) {
        using R = std::invoke_result_t<Job&>;
        static_assert(std::is_constructible_v<R, Error>,
                      "a posted store job returns a Result, so a failure can reach done");
        enqueue([this, job = std::move(job), done = std::move(done)]() mutable {
            auto result = std::make_shared<std::optional<R>>();
            try {
                result->emplace(job());
            } catch (const std::exception& e) {
                result->emplace(job_threw(e.what()));
            } catch (...) {
                result->emplace(job_threw("not a std::exception"));
            }
            deliver_([done = std::move(done), result]() mutable { done(std::move(**result)); });
        });
    }

    // Queues `job` and returns a future of its result (tests, shutdown paths).
    template <class Job> auto submit(Job job) -> std::future<std::invoke_result_t<Job&>> {
        using R = std::invoke_result_t<Job&>;
        auto task = std::make_shared<std::packaged_task<R()>>(std::move(job));
        auto future = task->get_future();
        enqueue([task] { (*task)(); });
        return future;
    }

    // True when called from the store thread (for assertions in the repositories' callers).
    bool on_store_thread() const { return std::this_thread::get_id() == thread_.get_id(); }

private:
    // Logs the exception and makes the Error its job's caller gets instead.
    static Error job_threw(const char* what);
    void enqueue(std::function<void()> work);
    void run();

    Deliver deliver_;
    std::mutex mutex_;
    std::condition_variable wake_;
    std::deque<std::function<void()>> jobs_;
    bool stopping_ = false;
    std::thread thread_;
};

} // namespace cd::store
