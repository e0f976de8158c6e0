#include "server/platform_server.h"

#include "server/gzip_body.h"
#include "server/server_context.h"

#include "diag/log.h"

#include <atomic>
#include <thread>

namespace cd::server {
namespace {

// Per connection thread: when the current request started (for the log's duration).
thread_local Clock::time_point request_started;

bool acceptable_request_id(const std::string& id) {
    if (id.empty() || id.size() > 128) {
        return false;
    }
    for (char c : id) {
        if (c < 0x21 || c > 0x7e) {
            return false;
        }
    }
    return true;
}

void log_request(const httplib::Request& req, const httplib::Response& res) {
    auto ms = std::chrono::duration<double, std::milli>(Clock::now() - request_started).count();
    diag::info(diag::Category::server, "[", res.get_header_value("X-Request-ID"), "] ", req.method,
               " ", req.path, " -> ", res.status, " (", static_cast<long long>(ms), " ms)");
}

} // namespace

struct PlatformServer::Impl {
    PlatformServerOptions options;
    std::unique_ptr<ServerContext> ctx;
    std::unique_ptr<httplib::Server> http;
    std::thread listener;
    std::atomic<int> port{0};
    std::atomic<bool> running{false};
    std::mutex lifecycle;
    double seed_ms = 0;

    void install_hooks() {
        http->set_pre_routing_handler([](const httplib::Request& req, httplib::Response& res) {
            request_started = Clock::now();
            // The Request is the connection's own object (httplib hands handlers a const view);
            // dropping "br" here makes cpp-httplib pick gzip (see gzip_body.h for why).
            if (req.has_header("Accept-Encoding")) {
                auto& mutable_req = const_cast<httplib::Request&>(req);
                auto offered = without_brotli(req.get_header_value("Accept-Encoding"));
                mutable_req.headers.erase("Accept-Encoding");
                mutable_req.headers.emplace("Accept-Encoding", offered);
            }
            std::string id = req.get_header_value("X-Request-ID");
            res.set_header("X-Request-ID", acceptable_request_id(id) ? id : new_request_id());
            return httplib::Server::HandlerResponse::Unhandled;
        });
        http->set_error_handler(httplib::Server::HandlerWithResponse(
            [](const httplib::Request& req, httplib::Response& res) {
                if (!res.body.empty() || res.content_length_ > 0) {
                    return httplib::Server::HandlerResponse::Unhandled;
                }
                if (res.status == 404) {
                    send_problem(res, req, 404, "not-found", "Not found",
                                 "No resource at " + req.path + ".");
                } else {
                    send_problem(res, req, res.status, "http-error", "Request failed",
                                 "The request could not be processed.");
                }
                return httplib::Server::HandlerResponse::Handled;
            }));
        http->set_logger([this](const httplib::Request& req, const httplib::Response& res) {
            log_request(req, res);
            if (options.on_request) {
                std::string what = req.method + " " + req.target + "\n";
                for (const auto& [name, value] : req.headers) {
                    what += name + ": " + value + "\n";
                }
                options.on_request(what + "\n" + req.body);
            }
        });
    }
};

PlatformServer::PlatformServer(PlatformServerOptions options) : impl_(std::make_unique<Impl>()) {
    impl_->options = std::move(options);
}

PlatformServer::~PlatformServer() {
    stop();
}

cd::Result<int> PlatformServer::start() {
    std::lock_guard guard(impl_->lifecycle);
    if (impl_->running) {
        return impl_->port.load();
    }
    auto& o = impl_->options;
    if (o.clock_speed <= 0) {
        return make_error(ErrorKind::validation, "clock speed must be positive");
    }
    auto ctx = std::make_unique<ServerContext>();
    ctx->options = o;
    auto t0 = std::chrono::steady_clock::now();
    try {
        ctx->db = std::make_unique<Database>(o.database_path);
        seed_database(*ctx->db, o.seed);
    } catch (const DatabaseError& e) {
        return make_error(ErrorKind::storage, std::string("platform database: ") + e.what());
    }
    ctx->catalog = build_catalog(o.seed);
    impl_->seed_ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    ctx->faults.enable(o.faults);
    if (!ctx->open311.set(o.open311_profile)) {
        return make_error(ErrorKind::validation, "unknown Open311 profile: " + o.open311_profile);
    }

    auto http = std::make_unique<httplib::Server>();
    const int threads = o.worker_threads > 0 ? o.worker_threads : 8;
    http->new_task_queue = [threads] {
        return new httplib::ThreadPool(static_cast<std::size_t>(threads));
    };
    http->set_keep_alive_timeout(2);
    // cpp-httplib's default also sets SO_REUSEPORT, which lets a second server bind the same
    // port and silently share its traffic; a taken port must be an error instead.
    http->set_socket_options([](socket_t sock) {
        int yes = 1;
#ifdef _WIN32
        setsockopt(sock, SOL_SOCKET, SO_EXCLUSIVEADDRUSE, reinterpret_cast<const char*>(&yes),
                   sizeof yes);
#else
        setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
#endif
    });
    http->set_payload_max_length(32u * 1024u * 1024u);
    impl_->http = std::move(http);
    impl_->ctx = std::move(ctx);
    impl_->install_hooks();

    Router router(*impl_->http, &impl_->ctx->faults);
    add_catalog_routes(router, *impl_->ctx);
    add_session_routes(router, *impl_->ctx);
    add_payment_routes(router, *impl_->ctx);
    add_account_routes(router, *impl_->ctx);
    add_application_routes(router, *impl_->ctx);
    add_appointment_routes(router, *impl_->ctx);
    add_life_routes(router, *impl_->ctx);
    add_open311_routes(router, *impl_->ctx);
    if (o.faults) {
        impl_->ctx->faults.add_control_routes(*impl_->http);
    }

    int bound = o.port == 0 ? impl_->http->bind_to_any_port(o.bind_address)
                            : (impl_->http->bind_to_port(o.bind_address, o.port) ? o.port : -1);
    if (bound <= 0) {
        impl_->http.reset();
        impl_->ctx.reset();
        return make_error(ErrorKind::network,
                          "cannot bind " + o.bind_address + ":" + std::to_string(o.port));
    }
    impl_->port = bound;
    impl_->running = true;
    impl_->listener = std::thread([http = impl_->http.get()] {
        diag::set_thread_name("server");
        http->listen_after_bind();
    });
    // cpp-httplib's stop() does nothing until the listener runs: wait for it, so a stop()
    // right after start() cannot leave the listener blocked in accept() for ever.
    for (int i = 0; i < 5000 && !impl_->http->is_running(); ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    diag::info(diag::Category::server, "platform server listening on ", o.bind_address, ":", bound,
               " (seed ", o.seed, ", clock x", o.clock_speed, ", faults ", o.faults ? "on" : "off",
               ", data ready in ", static_cast<long long>(impl_->seed_ms), " ms)");
    return bound;
}

void PlatformServer::stop() {
    std::lock_guard guard(impl_->lifecycle);
    if (!impl_->running) {
        return;
    }
    impl_->http->stop();
    if (impl_->listener.joinable()) {
        impl_->listener.join();
    }
    impl_->http.reset();
    impl_->ctx.reset();
    impl_->running = false;
    diag::info(diag::Category::server, "platform server stopped");
}

int PlatformServer::port() const {
    return impl_->port;
}

bool PlatformServer::running() const {
    return impl_->running;
}

std::string PlatformServer::base_url() const {
    const auto& host = impl_->options.bind_address;
    bool v6 = host.find(':') != std::string::npos;
    return "http://" + (v6 ? "[" + host + "]" : host) + ":" + std::to_string(impl_->port.load());
}

double PlatformServer::seed_milliseconds() const {
    return impl_->seed_ms;
}

} // namespace cd::server
