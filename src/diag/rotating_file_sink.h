// The support log on disk: <dir>/<name>.log, rotated to <name>.1.log ... <name>.N.log when it
// passes a size cap, so the folder never grows without bound. Files are readable by the user
// only (0600 on POSIX). Lines arrive already redacted.
#pragma once

#include "diag/log.h"

#include <cstdio>
#include <filesystem>

namespace cd::diag {

class RotatingFileSink final : public Sink {
public:
    struct Limits {
        std::uintmax_t max_bytes = 2 * 1024 * 1024; // per file
        int keep = 5;                               // rotated files kept beside the live one
    };

    // Creates the folder if needed and appends to the live file.
    RotatingFileSink(std::filesystem::path dir, std::string name, Limits limits);
    ~RotatingFileSink() override;
    RotatingFileSink(const RotatingFileSink&) = delete;
    RotatingFileSink& operator=(const RotatingFileSink&) = delete;

    void write(const Record& record, std::string_view line) override;
    void flush() override;

    // The live file (for the diagnostics report and the About box).
    const std::filesystem::path& path() const { return path_; }
    bool is_open() const { return file_ != nullptr; }

private:
    std::filesystem::path rotated(int index) const;
    void open();
    void rotate();

    std::filesystem::path dir_;
    std::string name_;
    Limits limits_;
    std::filesystem::path path_;
    std::FILE* file_ = nullptr;
    std::uintmax_t size_ = 0;
};

} // namespace cd::diag
