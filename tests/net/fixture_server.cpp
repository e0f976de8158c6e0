#include "fixture_server.h"

#include <httplib.h>

#include <algorithm>
#include <cctype>
#include <stdexcept>

#ifdef _WIN32
// winsock2.h comes with httplib.h, which also calls WSAStartup.
using socket_len = int;
using native_socket = SOCKET;
#define CD_CLOSE_SOCKET closesocket
constexpr int send_flags = 0;
static bool valid_socket(native_socket s) {
    return s != INVALID_SOCKET;
}
#else
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>
using socket_len = socklen_t;
using native_socket = int;
#define CD_CLOSE_SOCKET ::close
#ifdef MSG_NOSIGNAL
constexpr int send_flags = MSG_NOSIGNAL; // a client that hung up must not kill the test
#else
constexpr int send_flags = 0;
#endif
static bool valid_socket(native_socket s) {
    return s >= 0;
}
#endif

namespace cd::test {
namespace {

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

// Sleeps in slices so that stopping the server is not held up by a scripted delay.
void sleep_unless(const std::atomic<bool>& stopping, std::chrono::milliseconds total) {
    const auto end = std::chrono::steady_clock::now() + total;
    while (!stopping && std::chrono::steady_clock::now() < end) {
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
}

} // namespace

FixtureServer::FixtureServer() : server_(std::make_unique<httplib::Server>()) {
    start();
}

FixtureServer::FixtureServer(const std::filesystem::path& cert_pem,
                             const std::filesystem::path& key_pem) {
#ifdef CPPHTTPLIB_OPENSSL_SUPPORT
    server_ =
        std::make_unique<httplib::SSLServer>(cert_pem.string().c_str(), key_pem.string().c_str());
    tls_ = true;
    start();
#else
    (void)cert_pem;
    (void)key_pem;
    throw std::runtime_error("fixture built without OpenSSL support");
#endif
}

void FixtureServer::start() {
    server_->set_tcp_nodelay(true); // no Nagle + delayed-ACK pauses between header and body
    auto handler = [this](const httplib::Request& req, httplib::Response& res) {
        handle(req, res);
    };
    server_->Get(".*", handler);
    server_->Post(".*", handler);
    server_->Put(".*", handler);
    server_->Patch(".*", handler);
    server_->Delete(".*", handler);
    server_->Options(".*", handler);
    port_ = server_->bind_to_any_port("127.0.0.1");
    if (port_ <= 0) {
        throw std::runtime_error("fixture server cannot bind a loopback port");
    }
    thread_ = std::thread([this] { server_->listen_after_bind(); });
    // The socket listens since bind, so no request can be lost; this polls (httplib 0.11 has no
    // ready signal) only so that an early stop() reaches a running server. Bounded, not timed.
    const auto limit = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (!server_->is_running() && std::chrono::steady_clock::now() < limit) {
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
}

FixtureServer::~FixtureServer() {
    stop();
}

void FixtureServer::stop() {
    *stopping_ = true;
    if (server_) {
        server_->stop();
    }
    if (thread_.joinable()) {
        thread_.join();
    }
}

std::string FixtureServer::url(const std::string& path) const {
    return std::string(tls_ ? "https" : "http") + "://127.0.0.1:" + std::to_string(port_) + path;
}

void FixtureServer::route(const std::string& path, Reply reply) {
    route_sequence(path, {std::move(reply)});
}

void FixtureServer::route_sequence(const std::string& path, std::vector<Reply> replies) {
    std::lock_guard lock(mutex_);
    routes_[path] = std::move(replies);
    counts_[path] = 0;
}

bool FixtureServer::wait_for_count(const std::string& path, int n,
                                   std::chrono::milliseconds limit) const {
    std::unique_lock lock(mutex_);
    return arrived_.wait_for(lock, limit, [&] {
        auto it = counts_.find(path);
        return it != counts_.end() && it->second >= n;
    });
}

int FixtureServer::count(const std::string& path) const {
    std::lock_guard lock(mutex_);
    auto it = counts_.find(path);
    return it == counts_.end() ? 0 : it->second;
}

std::vector<Received> FixtureServer::received(const std::string& path) const {
    std::lock_guard lock(mutex_);
    std::vector<Received> out;
    std::copy_if(received_.begin(), received_.end(), std::back_inserter(out),
                 [&](const Received& r) { return r.target == path; });
    return out;
}

std::vector<Received> FixtureServer::received_all() const {
    std::lock_guard lock(mutex_);
    return received_;
}

void FixtureServer::handle(const httplib::Request& req, httplib::Response& res) {
    Received seen{req.method,     req.path, req.target,
                  req.body,       {},       std::chrono::steady_clock::now(),
                  req.remote_port};
    for (const auto& [name, value] : req.headers) {
        seen.headers[lower(name)] = value;
    }
    Reply reply;
    {
        std::lock_guard lock(mutex_);
        received_.push_back(seen);
        auto it = routes_.find(req.path);
        if (it == routes_.end()) {
            res.status = 404;
            res.set_content("no route", "text/plain");
            return;
        }
        const int n = counts_[req.path]++;
        reply =
            it->second[std::min<std::size_t>(static_cast<std::size_t>(n), it->second.size() - 1)];
    }
    arrived_.notify_all();
    sleep_unless(*stopping_, reply.delay);
    res.status = reply.status;
    for (const auto& [name, value] : reply.headers) {
        res.set_header(name.c_str(), value);
    }
    if (!reply.etag.empty()) {
        res.set_header("ETag", reply.etag);
        if (seen.headers["if-none-match"] == reply.etag) {
            res.status = 304;
            return;
        }
    }
    auto stopping = stopping_;
    switch (reply.mode) {
    case Reply::Mode::normal:
        if (!reply.body.empty() || res.status != 204) {
            res.set_content(reply.body, reply.content_type.c_str());
        }
        break;
    case Reply::Mode::echo: {
        std::string body;
        for (const auto& [name, value] : seen.headers) {
            body += name + ": " + value + "\n";
        }
        res.set_content(body, "text/plain");
        break;
    }
    case Reply::Mode::chunked: {
        auto body = std::make_shared<std::string>(reply.body);
        auto offset = std::make_shared<std::size_t>(0);
        res.set_chunked_content_provider(
            reply.content_type.c_str(), [body, offset](std::size_t, httplib::DataSink& sink) {
                const auto n = std::min<std::size_t>(512, body->size() - *offset);
                if (n == 0) {
                    sink.done();
                    return true;
                }
                const bool ok = sink.write(body->data() + *offset, n);
                *offset += n;
                return ok;
            });
        break;
    }
    case Reply::Mode::truncate: {
        auto body = std::make_shared<std::string>(reply.body);
        const std::size_t sent = std::min(reply.truncate_at, body->size());
        res.set_content_provider(body->size(), reply.content_type.c_str(),
                                 [body, sent](std::size_t, std::size_t, httplib::DataSink& sink) {
                                     sink.write(body->data(), sent);
                                     return false; // and close: the rest never comes
                                 });
        break;
    }
    case Reply::Mode::stall: {
        auto body = std::make_shared<std::string>(reply.body);
        auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(10);
        res.set_content_provider(
            body->size(), reply.content_type.c_str(),
            [body, stopping, give_up](std::size_t offset, std::size_t, httplib::DataSink& sink) {
                if (offset == 0) {
                    sink.write(body->data(), std::min<std::size_t>(16, body->size()));
                    return true;
                }
                std::this_thread::sleep_for(std::chrono::milliseconds(20));
                return !*stopping && std::chrono::steady_clock::now() < give_up &&
                       sink.is_writable();
            });
        break;
    }
    }
}

RawServer::RawServer(std::string answer) : answer_(std::move(answer)) {
    native_socket s = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = 0;
    if (::bind(s, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 || ::listen(s, 16) != 0) {
        throw std::runtime_error("raw server cannot listen on loopback");
    }
    socket_len len = sizeof addr;
    ::getsockname(s, reinterpret_cast<sockaddr*>(&addr), &len);
    port_ = ntohs(addr.sin_port);
    socket_ = static_cast<long long>(s);
    thread_ = std::thread([this, s] {
        while (!stopping_) {
            native_socket c = ::accept(s, nullptr, nullptr);
            if (stopping_ || !valid_socket(c)) {
                if (valid_socket(c)) {
                    CD_CLOSE_SOCKET(c);
                }
                break;
            }
            ++connections_;
            char buffer[4096];
            (void)::recv(c, buffer, static_cast<int>(sizeof buffer),
                         0); // the request (enough of it)
            if (!answer_.empty()) {
                (void)::send(c, answer_.data(), static_cast<int>(answer_.size()), send_flags);
            }
            CD_CLOSE_SOCKET(c);
        }
    });
}

RawServer::~RawServer() {
    stopping_ = true;
    // Wake the blocked accept() by connecting once.
    native_socket s = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = htons(static_cast<std::uint16_t>(port_));
    (void)::connect(s, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
    CD_CLOSE_SOCKET(s);
    thread_.join();
    CD_CLOSE_SOCKET(static_cast<native_socket>(socket_));
}

std::string RawServer::url(const std::string& path) const {
    return "http://127.0.0.1:" + std::to_string(port_) + path;
}

int closed_port() {
    native_socket s = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(s, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
    socket_len len = sizeof addr;
    ::getsockname(s, reinterpret_cast<sockaddr*>(&addr), &len);
    CD_CLOSE_SOCKET(s);
    return ntohs(addr.sin_port);
}

} // namespace cd::test
