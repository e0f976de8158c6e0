// Helpers for tests that drive the real CurlHttpClient: a config with short timeouts and quick
// retries, a blocking fetch, and a memory log sink.
#pragma once

#include "catch.hpp"

#include "diag/log.h"
#include "net/curl_http_client.h"

#include <chrono>
#include <future>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace cd::test {

// Quick retries (10 ms doubling to 40 ms, fixed jitter 0.5), short timeouts, no proxy.
inline net::HttpClientConfig fast_config() {
    net::HttpClientConfig c;
    c.timeouts.connect = std::chrono::milliseconds(2000);
    c.timeouts.total = std::chrono::milliseconds(5000);
    c.retry.base_delay = std::chrono::milliseconds(10);
    c.retry.max_delay = std::chrono::milliseconds(40);
    c.retry.max_total = std::chrono::milliseconds(10'000);
    c.random = [] {
        return 0.5;
    };
    c.no_proxy = "127.0.0.1,localhost"; // a proxy in the environment must not catch loopback
    return c;
}

inline net::Request get(std::string url) {
    net::Request r;
    r.url = std::move(url);
    return r;
}

inline net::Request post(std::string url, std::string body) {
    net::Request r;
    r.method = net::Method::post;
    r.url = std::move(url);
    r.body = std::move(body);
    r.headers.set("Content-Type", "application/json");
    return r;
}

// Sends and waits (at most 30 s, as a safety net; tests never assert time).
inline Result<net::Response> fetch(net::HttpClient& client, net::Request request) {
    auto promise = std::make_shared<std::promise<Result<net::Response>>>();
    auto future = promise->get_future();
    client.send(std::move(request),
                [promise](Result<net::Response> r) { promise->set_value(std::move(r)); });
    REQUIRE(future.wait_for(std::chrono::seconds(30)) == std::future_status::ready);
    return future.get();
}

struct MemorySink : diag::Sink {
    std::mutex mutex;
    std::vector<std::string> lines;
    void write(const diag::Record&, std::string_view line) override {
        std::lock_guard lock(mutex);
        lines.emplace_back(line);
    }
    std::string all() {
        std::lock_guard lock(mutex);
        std::string out;
        for (const auto& l : lines) {
            out += l + "\n";
        }
        return out;
    }
};

// Captures the log at a level for one test, restoring it afterwards.
struct CapturedLog {
    std::shared_ptr<MemorySink> sink = std::make_shared<MemorySink>();
    diag::Level saved = diag::level();
    explicit CapturedLog(diag::Level l) {
        diag::set_level(l);
        diag::add_sink(sink);
    }
    ~CapturedLog() {
        diag::remove_sink(sink);
        diag::set_level(saved);
    }
};

} // namespace cd::test
