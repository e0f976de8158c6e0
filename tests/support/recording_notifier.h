// A Notifier for tests: keeps every notification instead of showing it.
#pragma once

#include "app/notifier.h"

#include <mutex>
#include <utility>
#include <vector>

namespace cd::test {

class RecordingNotifier final : public app::Notifier {
public:
    void notify(const Message& title, const Message& body) override {
        std::lock_guard lock(mutex_);
        sent_.emplace_back(title, body);
    }
    std::vector<std::pair<Message, Message>> sent() const {
        std::lock_guard lock(mutex_);
        return sent_;
    }

private:
    mutable std::mutex mutex_;
    std::vector<std::pair<Message, Message>> sent_;
};

} // namespace cd::test
