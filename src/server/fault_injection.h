// Fault injection for the client's resilience tests. Off unless the server was started with
// faults on; then a loopback-only control endpoint (/_faults) installs rules per path prefix:
// added latency, an error status, a dropped connection, a truncated body, malformed JSON, or
// 429 with Retry-After — each with a rate (seeded, so runs repeat) and an optional count —
// and reports per-path request counters (and 304 answers) so tests can count retries and
// revalidations server-side.
#pragma once

#include "server/seed_rng.h"

#include <boost/json/fwd.hpp>

#include <chrono>
#include <condition_variable>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace httplib {
class Server;
struct Request;
struct Response;
} // namespace httplib

namespace cd::server {

struct FaultRule {
    std::string path_prefix;
    std::string method;  // empty = any
    std::string fault;   // latency | error | drop | drop_after | truncate | malformed | throttle
    double rate = 1.0;   // share of matching requests hit
    int times = -1;      // hit at most this many requests; -1 = no limit
    int status = 503;    // error
    int retry_after = 1; // throttle, seconds
    int latency_ms = 0;  // added before any fault (and alone for "latency")
    int hits = 0;
};

enum class BodyFault { none, truncate, malformed, drop };

// Shuts this request's connection down so the client gets no answer (POSIX only).
bool drop_connection(const httplib::Request& req);

class FaultInjector {
public:
    void enable(bool on) { enabled_ = on; }
    bool enabled() const { return enabled_; }

    // Before the handler: counts the request, sleeps, and may answer (error, throttle, drop).
    // Returns true when the response is final. `body` says what to do to the body afterwards.
    bool before(const httplib::Request& req, httplib::Response& res, BodyFault& body);
    // After the handler: truncates or garbles the body, or drops the connection once the
    // handler has done its work ("drop_after": committed, then the answer is lost).
    static void after(const httplib::Request& req, httplib::Response& res, BodyFault body);
    // After the handler: counts the 304s per path ("not_modified" in the snapshot), so a test
    // sees on the server's side that a client revalidated its copy instead of fetching again.
    void answered(const httplib::Request& req, const httplib::Response& res);

    // Around every routed request, whether or not a rule hits it: the snapshot's "in_flight"
    // lets a test wait until a slow attempt has really landed instead of sleeping for it.
    void request_started();
    void request_finished();
    // Waits until no routed request is in flight, at most `limit`; false when time ran out.
    bool wait_until_idle(std::chrono::milliseconds limit);

    // Replaces the rules from {"seed": n, "rules": [...]}; an error text when invalid.
    std::optional<std::string> configure(const boost::json::object& spec);
    boost::json::object snapshot();
    void reset();

    // GET/POST/DELETE /_faults, loopback only. Registered only when enabled.
    void add_control_routes(httplib::Server& server);

private:
    bool enabled_ = false;
    std::mutex mutex_;
    std::vector<FaultRule> rules_;
    std::map<std::string, int> counters_;
    std::map<std::string, int> not_modified_;
    int in_flight_ = 0;
    std::condition_variable idle_;
    std::uint64_t seed_ = 1;
    SeedRng rng_{1};
};

} // namespace cd::server
