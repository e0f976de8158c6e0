// The reference platform server as a library: the app embeds it for `citizendesk --demo`,
// tests start it on a loopback port, citizendesk-platform wraps it in a command line.
// No globals: several servers may run in one process. Thread-safe; stop() is idempotent.
#pragma once

#include "core/error.h"

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

namespace cd::server {

struct PlatformServerOptions {
    std::string bind_address = "127.0.0.1";
    int port = 0;                             // 0 = any free port; port() tells which
    std::string database_path;                // empty = in memory (nothing survives stop())
    std::uint64_t seed = 20261128;            // same seed, same catalog, citizen, bills and feed
    double clock_speed = 1.0;                 // virtual seconds per real second for timelines
    bool faults = false;                      // enables the loopback-only /_faults control endpoint
    std::string open311_profile = "standard"; // see open311_profiles.h
    int access_token_seconds = 900;
    int refresh_token_seconds = 30 * 24 * 3600;
    int worker_threads = 16;
    // Where timelines and token lifetimes read "now"; empty = the system clock. Tests inject a
    // clock they move forward instead of sleeping until enough time has passed.
    std::function<std::chrono::system_clock::time_point()>
        clock; // Told of every request as it arrived (on a server thread), for tests that check
               // what a
    // client sends: `what` holds the method, the target with its query, every header and the body.
    std::function<void(const std::string& what)> on_request;
};

// The demo citizen documented in resources/api/platform.openapi.json.
inline constexpr const char* demo_phone = "13800000000";
inline constexpr const char* demo_password = "Demo@2026";
inline constexpr const char* demo_one_time_code = "246810";
// A second seeded citizen (same password), for what happens when two share one computer.
inline constexpr const char* second_demo_phone = "13900000001";

class PlatformServer {
public:
    explicit PlatformServer(PlatformServerOptions options = {});
    ~PlatformServer(); // stops
    PlatformServer(const PlatformServer&) = delete;
    PlatformServer& operator=(const PlatformServer&) = delete;

    // Seeds (first run), binds and starts serving on worker threads; returns the bound port.
    cd::Result<int> start();
    // Stops accepting, finishes requests in flight, joins the threads. Safe to call twice.
    void stop();
    int port() const;
    bool running() const;
    std::string base_url() const; // "http://127.0.0.1:PORT"

    // Milliseconds the last start() spent generating data (catalog + database seed).
    double seed_milliseconds() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace cd::server
