// One CitizenDesk per data folder: two copies on one vault would both write its WAL, the demo
// platform's database and the log. The lock is an OS file lock on <folder>/citizendesk.lock
// held for the life of the process (flock on Linux and macOS, LockFileEx on Windows), so the
// OS drops it when the process ends, even by a crash: a stale file never blocks a start.
#pragma once

#include "core/error.h"

#include <filesystem>

namespace cd::app {

class InstanceLock {
public:
    static constexpr const char* file_name = "citizendesk.lock";

    // Takes the lock in `folder` (which must exist). ErrorKind::conflict when another open
    // lock holds it, another process's or this one's (flock locks an open file, not a process).
    static Result<InstanceLock> acquire(const std::filesystem::path& folder);

    // Whether a copy holds the lock now (for --diagnose, which takes none); creates nothing.
    static bool held_elsewhere(const std::filesystem::path& folder);

    InstanceLock(InstanceLock&& other) noexcept;
    InstanceLock& operator=(InstanceLock&& other) noexcept;
    InstanceLock(const InstanceLock&) = delete;
    InstanceLock& operator=(const InstanceLock&) = delete;
    ~InstanceLock();

private:
#if defined(_WIN32)
    explicit InstanceLock(void* handle) : handle_(handle) {}
    void* handle_ = nullptr;
#else
    explicit InstanceLock(int fd) : fd_(fd) {}
    int fd_ = -1;
#endif
};

// What the citizen is told when another copy holds the lock.
Error already_running_error(const std::filesystem::path& folder);

} // namespace cd::app
