#include "diag/rotating_file_sink.h"

#include <system_error>

#ifndef _WIN32
#include <fcntl.h>
#include <unistd.h>
#endif

namespace cd::diag {

namespace fs = std::filesystem;

RotatingFileSink::RotatingFileSink(fs::path dir, std::string name, Limits limits)
    : dir_(std::move(dir)), name_(std::move(name)), limits_(limits),
      path_(dir_ / (name_ + ".log")) {
    std::error_code ec;
    fs::create_directories(dir_, ec);
    open();
}

RotatingFileSink::~RotatingFileSink() {
    if (file_ != nullptr) {
        std::fclose(file_);
    }
}

fs::path RotatingFileSink::rotated(int index) const {
    return dir_ / (name_ + "." + std::to_string(index) + ".log");
}

void RotatingFileSink::open() {
#ifdef _WIN32
    file_ = _wfopen(path_.c_str(), L"ab");
#else
    // Create as 0600 from the start: no window in which another user could read the log.
    const int fd = ::open(path_.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
    file_ = fd >= 0 ? fdopen(fd, "ab") : nullptr;
    if (fd >= 0 && file_ == nullptr) {
        ::close(fd);
    }
#endif
    std::error_code ec;
    size_ = file_ != nullptr ? fs::file_size(path_, ec) : 0;
    if (ec) {
        size_ = 0;
    }
}

void RotatingFileSink::rotate() {
    if (file_ != nullptr) {
        std::fclose(file_);
        file_ = nullptr;
    }
    std::error_code ec;
    fs::remove(rotated(limits_.keep), ec);
    for (int i = limits_.keep - 1; i >= 1; --i) {
        if (fs::exists(rotated(i), ec)) {
            fs::rename(rotated(i), rotated(i + 1), ec);
        }
    }
    if (limits_.keep >= 1) {
        fs::rename(path_, rotated(1), ec);
    } else {
        fs::remove(path_, ec);
    }
    open();
}

void RotatingFileSink::write(const Record&, std::string_view line) {
    if (file_ == nullptr) {
        return; // a log that cannot be written must never stop the app
    }
    if (size_ > 0 && size_ + line.size() + 1 > limits_.max_bytes) {
        rotate();
        if (file_ == nullptr) {
            return;
        }
    }
    std::fwrite(line.data(), 1, line.size(), file_);
    std::fputc('\n', file_);
    size_ += line.size() + 1;
    // Every line reaches the OS at once: the last lines before a crash are what support needs.
    std::fflush(file_);
}

void RotatingFileSink::flush() {
    if (file_ != nullptr) {
        std::fflush(file_);
    }
}

} // namespace cd::diag
