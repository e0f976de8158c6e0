#include "store/store_thread.h"

#include "diag/log.h"

namespace cd::store {

StoreThread::StoreThread(Deliver deliver) : deliver_(std::move(deliver)) {
    if (!deliver_) {
        deliver_ = [](std::function<void()> f) {
            f();
        };
    }
    thread_ = std::thread([this] { run(); });
}

StoreThread::~StoreThread() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_one();
    thread_.join();
}

Error StoreThread::job_threw(const char* what) {
    diag::error(diag::Category::store, "store job threw: ", what);
    return make_error(ErrorKind::storage, std::string("store job threw: ") + what);
}

void StoreThread::enqueue(std::function<void()> work) {
    {
        std::lock_guard lock(mutex_);
        jobs_.push_back(std::move(work));
    }
    wake_.notify_one();
}

void StoreThread::run() {
    diag::set_thread_name("store");
    for (;;) {
        std::function<void()> job;
        {
            std::unique_lock lock(mutex_);
            wake_.wait(lock, [this] { return stopping_ || !jobs_.empty(); });
            if (jobs_.empty()) {
                return; // stopping, and nothing left to do
            }
            job = std::move(jobs_.front());
            jobs_.pop_front();
        }
        try {
            job();
        } catch (const std::exception& e) {
            diag::error(diag::Category::store, "store job threw: ", e.what());
        } catch (...) {
            diag::error(diag::Category::store, "store job threw a non-exception");
        }
    }
}

} // namespace cd::store
