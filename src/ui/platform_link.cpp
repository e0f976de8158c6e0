#include "ui/platform_link.h"

#include "diag/log.h"
#include "net/curl_http_client.h"
#include "server/platform_server.h"

#include <system_error>

namespace cd::ui {

PlatformLink::PlatformLink(const app::StartupPlan& plan, std::filesystem::path demo_database,
                           app::TaskRunner& worker)
    : plan_(plan), demo_database_(std::move(demo_database)), worker_(worker),
      http_(std::make_shared<net::CurlHttpClient>()) {}

PlatformLink::~PlatformLink() {
    shut_down();
}

std::string PlatformLink::display_name() const {
    if (plan_.platform == app::StartupPlan::Platform::demo) {
        return "demo";
    }
    std::string host = plan_.platform_url.substr(plan_.platform_url.find("://") + 3);
    return host.substr(0, host.find('/'));
}

Result<std::string> PlatformLink::base_url() {
    if (plan_.platform != app::StartupPlan::Platform::demo) {
        return plan_.platform_url;
    }
    if (!demo_) {
        std::error_code ec;
        std::filesystem::create_directories(demo_database_.parent_path(), ec);
        server::PlatformServerOptions options;
        options.database_path = demo_database_.string();
        demo_ = std::make_unique<server::PlatformServer>(options);
    }
    if (!demo_->running()) {
        auto port = demo_->start();
        if (!port.ok()) {
            diag::error(diag::Category::app,
                        "demo platform did not start: ", port.error().log_line());
            return port.error();
        }
        diag::info(diag::Category::app, "demo platform at ", demo_->base_url(), " (seeded in ",
                   demo_->seed_milliseconds(), " ms)");
    }
    return demo_->base_url();
}

void PlatformLink::ask(const std::string& base, std::function<void(Result<std::string>)> done) {
    net::Request request;
    request.url = base + "/v1/city";
    request.cacheable = true;
    http_->send(request, [done = std::move(done), name = display_name()](Result<net::Response> r) {
        if (!r.ok()) {
            done(r.error());
        } else if (!r->ok()) {
            done(net::status_error(*r));
        } else {
            done(name);
        }
    });
}

app::ConnectionMonitor::Probe PlatformLink::probe() {
    return [this](std::function<void(Result<std::string>)> done) {
        // Starting the demo platform seeds a database: never on the UI thread.
        worker_.run([this, done = std::move(done)]() mutable {
            auto base = base_url();
            if (!base.ok()) {
                done(base.error());
                return;
            }
            ask(*base, std::move(done));
        });
    };
}

void PlatformLink::shut_down() {
    if (http_) {
        http_->cancel_all();
    }
    if (demo_) {
        demo_->stop();
    }
}

} // namespace cd::ui
