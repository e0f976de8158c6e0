// The real reference platform server on a loopback port, a real CurlHttpClient and a
// PlatformClient on top, for the platform client's tests. The fault control endpoint is
// reached with a plain cpp-httplib client (the server's own terms, not the code under test).
#pragma once

#include "api/platform_client.h"
#include "net/curl_http_client.h"
#include "server/platform_server.h"

#include <boost/json.hpp>
#include <httplib.h>

#include <chrono>
#include <functional>
#include <future>
#include <memory>
#include <stdexcept>
#include <string>

namespace cd::test {

// Short timeouts and quick, pinned backoff: tests stay fast and repeatable.
inline net::HttpClientConfig quick_http_config() {
    net::HttpClientConfig c;
    c.timeouts.connect = std::chrono::milliseconds(2'000);
    c.timeouts.total = std::chrono::milliseconds(10'000);
    c.retry.max_attempts = 3;
    c.retry.base_delay = std::chrono::milliseconds(5);
    c.retry.max_delay = std::chrono::milliseconds(20);
    c.retry.max_total = std::chrono::milliseconds(20'000);
    c.retry.max_retry_after = std::chrono::seconds(5);
    c.no_proxy = "*";
    c.random = [] {
        return 0.5;
    };
    return c;
}

class PlatformFixture {
public:
    explicit PlatformFixture(std::function<void(server::PlatformServerOptions&)> tweak = {},
                             std::function<void(net::HttpClientConfig&)> tweak_http = {}) {
        server::PlatformServerOptions o;
        o.faults = true;
        o.worker_threads = 8;
        if (tweak) {
            tweak(o);
        }
        server_ = std::make_unique<server::PlatformServer>(o);
        auto started = server_->start();
        if (!started.ok()) {
            throw std::runtime_error("server did not start: " + started.error().log_line());
        }
        auto config = quick_http_config();
        if (tweak_http) {
            tweak_http(config);
        }
        http = std::make_shared<net::CurlHttpClient>(config);
        client = std::make_unique<api::PlatformClient>(http, api::PlatformConfig{base_url(), {}});
    }

    std::string base_url() const { return server_->base_url(); }
    server::PlatformServer& server() { return *server_; }

    // Installs fault rules (POST /_faults); throws when the server refuses them.
    void faults(const boost::json::array& rules, int seed = 1) const {
        auto c = control();
        auto res =
            c.Post("/_faults",
                   boost::json::serialize(boost::json::object{{"seed", seed}, {"rules", rules}}),
                   "application/json");
        if (!res || res->status != 200) {
            throw std::runtime_error("fault rules refused");
        }
    }
    // Removes the rules and zeroes the counters.
    void clear_faults() const {
        auto c = control();
        auto res = c.Delete("/_faults");
        if (!res || res->status != 204) {
            throw std::runtime_error("fault reset failed");
        }
    }
    // Requests the server saw for "METHOD /path" since the last reset.
    int counter(const std::string& key) const {
        auto c = control();
        auto res = c.Get("/_faults");
        if (!res || res->status != 200) {
            throw std::runtime_error("fault state unavailable");
        }
        const auto snap = boost::json::parse(res->body).as_object();
        const auto* v = snap.at("counters").as_object().if_contains(key);
        return v ? static_cast<int>(v->as_int64()) : 0;
    }

private:
    // Declared first, destroyed last: the client's keep-alive connections close before stop().
    std::unique_ptr<server::PlatformServer> server_;

public:
    std::shared_ptr<net::CurlHttpClient> http;
    std::unique_ptr<api::PlatformClient> client;

private:
    httplib::Client control() const {
        httplib::Client c("127.0.0.1", server_->port());
        c.set_read_timeout(10, 0);
        return c;
    }
};

// Runs one asynchronous call and waits for its callback (at most 60 s, then a failed Error).
template <class T, class Start> Result<T> await(Start start) {
    auto promise = std::make_shared<std::promise<Result<T>>>();
    auto future = promise->get_future();
    start([promise](Result<T> r) { promise->set_value(std::move(r)); });
    if (future.wait_for(std::chrono::seconds(60)) != std::future_status::ready) {
        return make_error(ErrorKind::timeout, "test: the callback never came");
    }
    return future.get();
}

// Signs the client in as the demo citizen; throws when that fails.
inline api::SessionTokens sign_in(api::PlatformClient& client) {
    auto r = await<api::SessionTokens>(
        [&](auto done) { client.login(server::demo_phone, server::demo_password, done); });
    if (!r.ok()) {
        throw std::runtime_error("demo sign-in failed: " + r.error().log_line());
    }
    return *r;
}

} // namespace cd::test
