// The support log: levels, categories, one line per event. Every layer logs through these
// functions; every line is redacted (see redact.h) before any sink receives it.
#pragma once

#include <chrono>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>

namespace cd::diag {

enum class Level { trace, debug, info, warn, error };
enum class Category { app, ui, net, api, store, diag, server };

std::string_view to_string(Level level);
std::string_view to_string(Category category);
std::optional<Level> parse_level(std::string_view text);

struct Record {
    std::chrono::system_clock::time_point time;
    Level level;
    Category category;
    std::string thread; // the name given with set_thread_name, or a number
    std::string text;   // already redacted
};

// "2026-11-28T12:00:00.123Z INFO  net    [ui] text"
std::string format_line(const Record& record);

// Where lines go. Sinks are called under the log's lock, one line at a time.
class Sink {
public:
    virtual ~Sink() = default;
    virtual void write(const Record& record, std::string_view line) = 0;
    virtual void flush() {}
};

void add_sink(std::shared_ptr<Sink> sink);
void remove_sink(const std::shared_ptr<Sink>& sink);
void remove_all_sinks();
void flush();

// Lines below this level are dropped before they are even formatted. Default: info.
void set_level(Level level);
Level level();
inline bool enabled(Level l) {
    return l >= level();
}

// Names the calling thread in log lines ("ui", "net", "store").
void set_thread_name(std::string name);

// Redacts, formats and hands the line to every sink.
void write(Level level, Category category, std::string_view text);

template <class... Parts> void log(Level l, Category c, const Parts&... parts) {
    if (!enabled(l)) {
        return;
    }
    if constexpr (sizeof...(Parts) == 1 &&
                  (std::is_convertible_v<Parts, std::string_view> && ...)) {
        write(l, c, std::string_view(parts...));
    } else {
        std::ostringstream out;
        (out << ... << parts);
        write(l, c, out.str());
    }
}
template <class... P> void trace(Category c, const P&... p) {
    log(Level::trace, c, p...);
}
template <class... P> void debug(Category c, const P&... p) {
    log(Level::debug, c, p...);
}
template <class... P> void info(Category c, const P&... p) {
    log(Level::info, c, p...);
}
template <class... P> void warn(Category c, const P&... p) {
    log(Level::warn, c, p...);
}
template <class... P> void error(Category c, const P&... p) {
    log(Level::error, c, p...);
}

} // namespace cd::diag
