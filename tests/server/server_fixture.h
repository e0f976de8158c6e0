// A real platform server on a loopback port for one test, and small helpers around a plain
// cpp-httplib client (deliberately not src/net: the server is tested on its own terms).
#pragma once

#include "server/platform_server.h"
#include "temp_dir.h"

#include <boost/json.hpp>
#include <httplib.h>

#include <functional>
#include <memory>
#include <stdexcept>
#include <string>

namespace cd::test {

namespace json = boost::json;

class TestServer {
public:
    explicit TestServer(std::function<void(server::PlatformServerOptions&)> tweak = {},
                        std::string db_path = {}) {
        server::PlatformServerOptions o;
        o.database_path = std::move(db_path);
        o.worker_threads = 24;
        if (tweak) {
            tweak(o);
        }
        server_ = std::make_unique<server::PlatformServer>(o);
        auto started = server_->start();
        if (!started) {
            throw std::runtime_error("server did not start: " + started.error().log_line());
        }
        port_ = *started;
    }

    int port() const { return port_; }
    server::PlatformServer& server() { return *server_; }

    httplib::Client client() const {
        httplib::Client c("127.0.0.1", port_);
        c.set_read_timeout(20, 0);
        c.set_connection_timeout(5, 0);
        return c;
    }

    // Signs in the demo citizen (or another) and returns the access token.
    std::string login(const std::string& phone = server::demo_phone) const {
        auto c = client();
        json::object body{{"phone", phone}, {"password", server::demo_password}};
        auto res = c.Post("/v1/session", json::serialize(body), "application/json");
        if (!res || res->status != 201) {
            throw std::runtime_error("login failed");
        }
        return std::string(json::parse(res->body).at("access_token").as_string());
    }

private:
    std::unique_ptr<server::PlatformServer> server_;
    int port_ = 0;
};

inline httplib::Headers bearer(const std::string& token) {
    return {{"Authorization", "Bearer " + token}};
}

inline json::value parse(const std::string& body) {
    return json::parse(body);
}

// The problem type's last path segment ("bill-already-paid").
inline std::string problem_slug(const std::string& body) {
    auto v = json::parse(body);
    std::string type(v.at("type").as_string());
    return type.substr(type.rfind('/') + 1);
}

} // namespace cd::test
