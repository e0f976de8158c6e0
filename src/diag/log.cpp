#include "diag/log.h"

#include "diag/redact.h"

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <ctime>
#include <mutex>
#include <thread>
#include <vector>

namespace cd::diag {
namespace {

struct LogState {
    std::mutex mutex;
    std::vector<std::shared_ptr<Sink>> sinks;
};

LogState& state() {
    static LogState s; // constructed on first use, so logging works during static init
    return s;
}

std::atomic<Level> g_level{Level::info};
thread_local std::string t_thread_name;

std::string current_thread_name() {
    if (!t_thread_name.empty()) {
        return t_thread_name;
    }
    static std::atomic<int> next{1};
    thread_local const int number = next++;
    return "t" + std::to_string(number);
}

} // namespace

std::string_view to_string(Level level) {
    switch (level) {
    case Level::trace:
        return "trace";
    case Level::debug:
        return "debug";
    case Level::info:
        return "info";
    case Level::warn:
        return "warn";
    case Level::error:
        return "error";
    }
    return "?";
}

std::string_view to_string(Category category) {
    switch (category) {
    case Category::app:
        return "app";
    case Category::ui:
        return "ui";
    case Category::net:
        return "net";
    case Category::api:
        return "api";
    case Category::store:
        return "store";
    case Category::diag:
        return "diag";
    case Category::server:
        return "server";
    }
    return "?";
}

std::optional<Level> parse_level(std::string_view text) {
    for (Level l : {Level::trace, Level::debug, Level::info, Level::warn, Level::error}) {
        if (text == to_string(l)) {
            return l;
        }
    }
    if (text == "warning") {
        return Level::warn;
    }
    return std::nullopt;
}

std::string format_line(const Record& r) {
    using namespace std::chrono;
    const auto since_epoch = r.time.time_since_epoch();
    const auto secs = duration_cast<seconds>(since_epoch);
    const auto millis = duration_cast<milliseconds>(since_epoch - secs).count();
    const std::time_t tt = static_cast<std::time_t>(secs.count());
    std::tm utc{};
#ifdef _WIN32
    gmtime_s(&utc, &tt);
#else
    gmtime_r(&tt, &utc);
#endif
    char stamp[96];
    std::snprintf(stamp, sizeof stamp, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", utc.tm_year + 1900,
                  utc.tm_mon + 1, utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec,
                  static_cast<int>(millis));
    char head[160];
    std::snprintf(head, sizeof head, "%s %-5s %-6s [%s] ", stamp,
                  std::string(to_string(r.level)).c_str(),
                  std::string(to_string(r.category)).c_str(), r.thread.c_str());
    std::string line = head;
    // One event, one line: embedded newlines would let a value forge extra log lines.
    for (char c : r.text) {
        line += (c == '\n' || c == '\r') ? ' ' : c;
    }
    return line;
}

void add_sink(std::shared_ptr<Sink> sink) {
    std::lock_guard lock(state().mutex);
    state().sinks.push_back(std::move(sink));
}

void remove_sink(const std::shared_ptr<Sink>& sink) {
    std::lock_guard lock(state().mutex);
    auto& sinks = state().sinks;
    sinks.erase(std::remove(sinks.begin(), sinks.end(), sink), sinks.end());
}

void remove_all_sinks() {
    std::lock_guard lock(state().mutex);
    state().sinks.clear();
}

void flush() {
    std::lock_guard lock(state().mutex);
    for (auto& s : state().sinks) {
        s->flush();
    }
}

void set_level(Level level) {
    g_level = level;
}
Level level() {
    return g_level;
}

void set_thread_name(std::string name) {
    t_thread_name = std::move(name);
}

void write(Level level, Category category, std::string_view text) {
    if (!enabled(level)) {
        return;
    }
    Record record{std::chrono::system_clock::now(), level, category, current_thread_name(),
                  redact(text)};
    const std::string line = format_line(record);
    std::lock_guard lock(state().mutex);
    for (auto& s : state().sinks) {
        s->write(record, line);
    }
}

} // namespace cd::diag
