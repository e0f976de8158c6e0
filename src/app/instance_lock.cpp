#include "app/instance_lock.h"

#include "core/path_text.h"

#include <cerrno>
#include <cstring>
#include <string>
#include <system_error>
#include <utility>

#if defined(_WIN32)
#include <windows.h>
#else
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>
#endif

namespace cd::app {

Error already_running_error(const std::filesystem::path& folder) {
    Error e = make_error(ErrorKind::conflict,
                         "another CitizenDesk holds the lock on " + path_to_utf8(folder));
    e.user_message = msg(N_("CitizenDesk is already open on this computer. Please use the "
                            "window that is already open (look for it on the taskbar)."));
    return e;
}

bool InstanceLock::held_elsewhere(const std::filesystem::path& folder) {
    std::error_code ec;
    if (!std::filesystem::exists(folder / file_name, ec)) {
        return false;
    }
    auto probe = acquire(folder);
    return !probe && probe.error().kind == ErrorKind::conflict;
}

#if defined(_WIN32)

// Not compiled on the Linux machines that build this project; kept to the documented calls.
Result<InstanceLock> InstanceLock::acquire(const std::filesystem::path& folder) {
    const std::filesystem::path path = folder / file_name;
    HANDLE h =
        CreateFileW(path.c_str(), GENERIC_READ | GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE,
                    nullptr, OPEN_ALWAYS, FILE_ATTRIBUTE_NORMAL, nullptr);
    if (h == INVALID_HANDLE_VALUE) {
        return make_error(ErrorKind::storage,
                          "cannot open the lock file, error " + std::to_string(GetLastError()));
    }
    OVERLAPPED at{};
    if (!LockFileEx(h, LOCKFILE_EXCLUSIVE_LOCK | LOCKFILE_FAIL_IMMEDIATELY, 0, 1, 0, &at)) {
        const DWORD why = GetLastError();
        CloseHandle(h);
        if (why == ERROR_LOCK_VIOLATION || why == ERROR_IO_PENDING) {
            return already_running_error(folder);
        }
        return make_error(ErrorKind::storage,
                          "cannot lock the lock file, error " + std::to_string(why));
    }
    return InstanceLock(static_cast<void*>(h));
}

InstanceLock::InstanceLock(InstanceLock&& other) noexcept
    : handle_(std::exchange(other.handle_, nullptr)) {}

InstanceLock& InstanceLock::operator=(InstanceLock&& other) noexcept {
    std::swap(handle_, other.handle_);
    return *this;
}

InstanceLock::~InstanceLock() {
    if (handle_ != nullptr) {
        CloseHandle(static_cast<HANDLE>(handle_)); // releases the lock
    }
}

#else

Result<InstanceLock> InstanceLock::acquire(const std::filesystem::path& folder) {
    const std::filesystem::path path = folder / file_name;
    const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0) {
        return make_error(ErrorKind::storage,
                          "cannot open the lock file: " + std::string(std::strerror(errno)));
    }
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        const int why = errno;
        ::close(fd);
        if (why == EWOULDBLOCK) {
            return already_running_error(folder);
        }
        return make_error(ErrorKind::storage,
                          "cannot lock the lock file: " + std::string(std::strerror(why)));
    }
    // The holder's process id, for support; the lock itself is what counts.
    const std::string pid = std::to_string(::getpid()) + "\n";
    if (::ftruncate(fd, 0) == 0) {
        [[maybe_unused]] const auto written = ::pwrite(fd, pid.data(), pid.size(), 0);
    }
    return InstanceLock(fd);
}

InstanceLock::InstanceLock(InstanceLock&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}

InstanceLock& InstanceLock::operator=(InstanceLock&& other) noexcept {
    std::swap(fd_, other.fd_);
    return *this;
}

InstanceLock::~InstanceLock() {
    if (fd_ >= 0) {
        ::close(fd_); // releases the lock
    }
}

#endif

} // namespace cd::app
