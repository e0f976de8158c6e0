#include "ui/platform_link.h"

#include "api/platform_client.h"
#include "core/path_text.h"
#include "diag/log.h"
#include "net/curl_http_client.h"
#include "server/platform_server.h"

#include <system_error>

namespace cd::ui {

PlatformLink::PlatformLink(const app::StartupPlan& plan, std::filesystem::path demo_database,
                           app::TaskRunner& worker, bool chinese)
    : plan_(plan), demo_database_(std::move(demo_database)), worker_(worker), chinese_(chinese),
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

Result<std::shared_ptr<api::PlatformClient>> PlatformLink::client() {
    if (platform_) {
        return platform_;
    }
    std::string base = plan_.platform_url;
    while (!base.empty() && base.back() == '/') {
        base.pop_back();
    }
    if (plan_.platform != app::StartupPlan::Platform::demo) {
        platform_ = std::make_shared<api::PlatformClient>(http_, api::PlatformConfig{base, {}});
        return platform_;
    }
    if (!demo_) {
        std::error_code ec;
        std::filesystem::create_directories(demo_database_.parent_path(), ec);
        server::PlatformServerOptions options;
        options.database_path = path_to_utf8(demo_database_); // SQLite takes UTF-8
        // The demo city's officials work sixty times faster, so an application moves along its
        // timeline in minutes (under review after 2, decided after about 26), not in hours.
        options.clock_speed = 60;
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
    platform_ =
        std::make_shared<api::PlatformClient>(http_, api::PlatformConfig{demo_->base_url(), {}});
    return platform_;
}

app::ConnectionMonitor::Probe PlatformLink::probe() {
    return [this](std::function<void(Result<std::string>)> done) {
        // Starting the demo platform seeds a database: never on the UI thread.
        worker_.run([this, done = std::move(done)]() mutable {
            auto platform = client();
            if (!platform.ok()) {
                done(platform.error());
                return;
            }
            // The city profile names the platform and proves it speaks our contract.
            (*platform)->city(
                [this, done = std::move(done), chinese = chinese_](Result<api::City> city) {
                    if (!city.ok()) {
                        done(city.error());
                        return;
                    }
                    const api::LocalizedText& name = city->name;
                    std::string shown = chinese && !name.zh.empty() ? name.zh : name.en;
                    if (city_listener_) {
                        city_listener_(std::move(*city));
                    }
                    done(std::move(shown));
                });
        });
    };
}

void PlatformLink::acquire(std::function<void(Result<Client>)> use) {
    worker_.run([this, use = std::move(use)] { use(client()); });
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
