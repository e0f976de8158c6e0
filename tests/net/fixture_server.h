// A loopback HTTP(S) server for net and api tests, scripted per path: status, headers, body,
// latency, a truncated or stalled body, 304 on a matching If-None-Match, header echo; it counts
// and records what it received. RawServer (below) answers bytes that are not HTTP at all, or
// nothing, for the faults cpp-httplib cannot produce.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace httplib {
class Server;
struct Request;
struct Response;
} // namespace httplib

namespace cd::test {

struct Reply {
    enum class Mode {
        normal,
        truncate, // Content-Length of the whole body, then only truncate_at bytes and a close
        stall,    // the first 16 bytes, then nothing until the client gives up (or 10 s)
        chunked,  // the body in 512-byte chunks, without Content-Length
        echo,     // body: the request's headers, one "name: value" per line (names lowercase)
    };
    int status = 200;
    std::string body{};
    std::string content_type = "text/plain";
    std::vector<std::pair<std::string, std::string>> headers{};
    std::chrono::milliseconds delay{0};
    Mode mode = Mode::normal;
    std::size_t truncate_at = 0;
    std::string etag{}; // when set: 304 if If-None-Match matches, else 200 with this ETag
};

struct Received {
    std::string method;
    std::string target;     // path as received (absolute-form when acting as a proxy)
    std::string raw_target; // the request line's target, query included, still encoded
    std::string body;
    std::map<std::string, std::string> headers; // lowercase names
    std::chrono::steady_clock::time_point at;
    int remote_port = 0; // the client's port: the same for requests on one connection
};

class FixtureServer {
public:
    // Plain HTTP on 127.0.0.1; with cert and key files, HTTPS.
    FixtureServer();
    FixtureServer(const std::filesystem::path& cert_pem, const std::filesystem::path& key_pem);
    ~FixtureServer();
    FixtureServer(const FixtureServer&) = delete;
    FixtureServer& operator=(const FixtureServer&) = delete;

    int port() const { return port_; }
    std::string url(const std::string& path) const;

    // Every request to path gets reply (replaces any earlier script).
    void route(const std::string& path, Reply reply);
    // The replies in order, the last one repeating.
    void route_sequence(const std::string& path, std::vector<Reply> replies);

    int count(const std::string& path) const;
    // Waits until path has had at least n requests (false after `limit`): a test that needs a
    // request to be at the server waits for exactly that, not for a guessed time.
    bool wait_for_count(const std::string& path, int n,
                        std::chrono::milliseconds limit = std::chrono::seconds(20)) const;
    std::vector<Received> received(const std::string& path) const;
    std::vector<Received> received_all() const;

    void stop();

private:
    void start();
    void handle(const httplib::Request& request, httplib::Response& response);

    std::unique_ptr<httplib::Server> server_;
    std::thread thread_;
    int port_ = 0;
    bool tls_ = false;
    std::shared_ptr<std::atomic<bool>> stopping_ = std::make_shared<std::atomic<bool>>(false);
    mutable std::mutex mutex_;
    mutable std::condition_variable arrived_;
    std::map<std::string, std::vector<Reply>> routes_;
    std::map<std::string, int> counts_;
    std::vector<Received> received_;
};

// Accepts connections on 127.0.0.1 and answers each with fixed bytes (possibly none), then
// closes: a dropped connection or a malformed reply.
class RawServer {
public:
    explicit RawServer(std::string answer);
    ~RawServer();
    RawServer(const RawServer&) = delete;
    RawServer& operator=(const RawServer&) = delete;
    int port() const { return port_; }
    std::string url(const std::string& path) const;
    int connections() const { return connections_; }

private:
    std::string answer_;
    long long socket_ = -1;
    int port_ = 0;
    std::atomic<bool> stopping_{false};
    std::atomic<int> connections_{0};
    std::thread thread_;
};

// A port on 127.0.0.1 where nothing listens (bound, then closed).
int closed_port();

} // namespace cd::test
