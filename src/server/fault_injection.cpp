#include "server/fault_injection.h"

#include "server/http_io.h"

#include "diag/log.h"

#include <algorithm>
#include <cstdlib>
#include <thread>

#ifdef _WIN32
#include <winsock2.h>
#include <ws2tcpip.h>
#else
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#endif

namespace cd::server {
namespace {

int port_of(const sockaddr_storage& a) {
    if (a.ss_family == AF_INET) {
        return ntohs(reinterpret_cast<const sockaddr_in*>(&a)->sin_port);
    }
    if (a.ss_family == AF_INET6) {
        return ntohs(reinterpret_cast<const sockaddr_in6*>(&a)->sin6_port);
    }
    return -1;
}

#ifdef _WIN32
using socket_handle = SOCKET;
using address_length = int;
constexpr int shut_both = SD_BOTH;
// A SOCKET is a kernel handle value, a multiple of 4; the server's few handles sit low.
constexpr socket_handle first_socket = 4, socket_step = 4, socket_limit = 65536;
#else
using socket_handle = int;
using address_length = socklen_t;
constexpr int shut_both = SHUT_RDWR;
constexpr socket_handle first_socket = 3, socket_step = 1, socket_limit = 4096;
#endif

bool is_loopback(const std::string& addr) {
    return addr == "127.0.0.1" || addr == "::1" || addr == "::ffff:127.0.0.1";
}

} // namespace

// cpp-httplib gives handlers no socket; find this request's connection by its two ports and
// shut it down, so the client sees the connection drop before any byte of the answer.
bool drop_connection(const httplib::Request& req) {
    for (socket_handle fd = first_socket; fd < socket_limit; fd += socket_step) {
        sockaddr_storage local{}, peer{};
        address_length ll = sizeof local, pl = sizeof peer;
        if (getsockname(fd, reinterpret_cast<sockaddr*>(&local), &ll) != 0 ||
            getpeername(fd, reinterpret_cast<sockaddr*>(&peer), &pl) != 0) {
            continue;
        }
        if (port_of(local) == req.local_port && port_of(peer) == req.remote_port) {
            ::shutdown(fd, shut_both);
            return true;
        }
    }
    return false;
}

bool FaultInjector::before(const httplib::Request& req, httplib::Response& res, BodyFault& body) {
    body = BodyFault::none;
    if (!enabled_) {
        return false;
    }
    FaultRule hit;
    bool matched = false;
    {
        std::lock_guard lock(mutex_);
        ++counters_[req.method + " " + req.path];
        for (auto& r : rules_) {
            if (req.path.compare(0, r.path_prefix.size(), r.path_prefix) != 0 ||
                (!r.method.empty() && r.method != req.method) ||
                (r.times >= 0 && r.hits >= r.times)) {
                continue;
            }
            if (rng_.unit() >= r.rate) {
                continue;
            }
            ++r.hits;
            hit = r;
            matched = true;
            break;
        }
    }
    if (!matched) {
        return false;
    }
    diag::info(diag::Category::server, "fault ", hit.fault, " on ", req.method, " ", req.path);
    if (hit.latency_ms > 0) {
        std::this_thread::sleep_for(std::chrono::milliseconds(hit.latency_ms));
    }
    if (hit.fault == "error") {
        send_problem(res, req, hit.status, "injected-fault", "Injected fault",
                     "The fault injector answered this request with an error.");
        return true;
    }
    if (hit.fault == "throttle") {
        res.set_header("Retry-After", std::to_string(hit.retry_after));
        send_problem(res, req, 429, "rate-limited", "Too many requests",
                     "Slow down; retry after the number of seconds in Retry-After.");
        return true;
    }
    if (hit.fault == "drop") {
        drop_connection(req);
        res.status = 500;
        return true;
    }
    if (hit.fault == "truncate") {
        body = BodyFault::truncate;
    } else if (hit.fault == "malformed") {
        body = BodyFault::malformed;
    } else if (hit.fault == "drop_after") {
        body = BodyFault::drop;
    }
    return false;
}

void FaultInjector::request_started() {
    std::lock_guard lock(mutex_);
    ++in_flight_;
}

void FaultInjector::request_finished() {
    std::lock_guard lock(mutex_);
    if (--in_flight_ == 0) {
        idle_.notify_all();
    }
}

bool FaultInjector::wait_until_idle(std::chrono::milliseconds limit) {
    std::unique_lock lock(mutex_);
    return idle_.wait_for(lock, limit, [this] { return in_flight_ == 0; });
}

void FaultInjector::after(const httplib::Request& req, httplib::Response& res, BodyFault body) {
    if (body == BodyFault::drop) {
        drop_connection(req);
        res.status = 500;
    } else if (body == BodyFault::malformed) {
        if (res.has_header("Content-Encoding")) {
            // A self-compressed body (the catalog): garble the JSON, not the gzip stream.
            res.headers.erase("Content-Encoding");
            res.body = R"({"version":)";
        }
        res.body = res.body.substr(0, res.body.size() / 2) + "\x01{\"";
    } else if (body == BodyFault::truncate && !res.body.empty()) {
        // Announce the full length, send half, then close: the client sees a short body.
        auto full = std::make_shared<std::string>(std::move(res.body));
        res.body.clear();
        std::string type = res.get_header_value("Content-Type");
        res.set_content_provider(full->size(), type.empty() ? "application/json" : type.c_str(),
                                 [full](std::size_t, std::size_t, httplib::DataSink& sink) {
                                     sink.write(full->data(), full->size() / 2);
                                     return false;
                                 });
    }
}

std::optional<std::string> FaultInjector::configure(const json::object& spec) {
    std::vector<FaultRule> rules;
    const auto* list = spec.if_contains("rules");
    if (!list || !list->is_array()) {
        return "rules must be an array";
    }
    for (const auto& v : list->as_array()) {
        if (!v.is_object()) {
            return "each rule must be an object";
        }
        const auto& o = v.as_object();
        FaultRule r;
        r.path_prefix = std::string(str_or(o, "path_prefix", "/"));
        r.method = std::string(str_or(o, "method", ""));
        r.fault = std::string(str_or(o, "fault", ""));
        static const char* kinds[] = {"latency",  "error",     "drop",    "drop_after",
                                      "truncate", "malformed", "throttle"};
        bool known = false;
        for (auto* k : kinds) {
            known = known || r.fault == k;
        }
        if (!known) {
            return "unknown fault: " + r.fault;
        }
        auto num = [&](const char* key, auto fallback) -> decltype(fallback) {
            const auto* x = o.if_contains(key);
            if (!x || !x->is_number()) {
                return fallback;
            }
            return x->to_number<decltype(fallback)>();
        };
        r.rate = num("rate", 1.0);
        r.times = num("times", -1);
        r.status = num("status", 503);
        r.retry_after = num("retry_after", 1);
        r.latency_ms = num("latency_ms", 0);
        if (r.rate < 0 || r.rate > 1 || r.status < 400 || r.status > 599 || r.latency_ms < 0 ||
            r.latency_ms > 60000 || r.retry_after < 0) {
            return "a number is out of range in rule for " + r.path_prefix;
        }
        rules.push_back(std::move(r));
    }
    std::uint64_t seed = 1;
    if (const auto* s = spec.if_contains("seed"); s && s->is_number()) {
        seed = s->to_number<std::uint64_t>();
    }
    std::lock_guard lock(mutex_);
    rules_ = std::move(rules);
    seed_ = seed;
    rng_ = SeedRng(seed);
    return std::nullopt;
}

json::object FaultInjector::snapshot() {
    std::lock_guard lock(mutex_);
    json::array rules;
    for (const auto& r : rules_) {
        rules.push_back({{"path_prefix", r.path_prefix},
                         {"method", r.method},
                         {"fault", r.fault},
                         {"rate", r.rate},
                         {"times", r.times},
                         {"status", r.status},
                         {"retry_after", r.retry_after},
                         {"latency_ms", r.latency_ms},
                         {"hits", r.hits}});
    }
    json::object counters;
    for (const auto& [k, n] : counters_) {
        counters[k] = n;
    }
    return {{"seed", seed_},
            {"rules", std::move(rules)},
            {"counters", std::move(counters)},
            {"in_flight", in_flight_}};
}

void FaultInjector::reset() {
    std::lock_guard lock(mutex_);
    rules_.clear();
    counters_.clear();
    rng_ = SeedRng(seed_);
}

void FaultInjector::add_control_routes(httplib::Server& server) {
    auto guard = [](const httplib::Request& req, httplib::Response& res) {
        if (is_loopback(req.remote_addr)) {
            return true;
        }
        send_problem(res, req, 403, "forbidden", "Forbidden",
                     "The fault control endpoint answers loopback clients only.");
        return false;
    };
    server.Get("/_faults", [this, guard](const httplib::Request& req, httplib::Response& res) {
        if (!guard(req, res)) {
            return;
        }
        // ?idle_within=MS answers once the requests in flight have finished (or MS passed), so
        // a test knows a slow attempt has landed without guessing how long to sleep.
        if (req.has_param("idle_within")) {
            const auto ms = std::strtol(req.get_param_value("idle_within").c_str(), nullptr, 10);
            (void)wait_until_idle(std::chrono::milliseconds(std::clamp(ms, 0L, 60000L)));
        }
        send_json(res, 200, snapshot());
    });
    server.Post("/_faults", [this, guard](const httplib::Request& req, httplib::Response& res) {
        if (!guard(req, res)) {
            return;
        }
        auto body = json_body(req, res);
        if (!body) {
            return;
        }
        if (auto err = configure(*body)) {
            send_problem(res, req, 422, "invalid-fault-rules", "Invalid fault rules", *err);
            return;
        }
        send_json(res, 200, snapshot());
    });
    server.Delete("/_faults", [this, guard](const httplib::Request& req, httplib::Response& res) {
        if (guard(req, res)) {
            reset();
            res.status = 204;
        }
    });
}

} // namespace cd::server
