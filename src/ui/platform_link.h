// The app's link to its platform: the HTTP client, the embedded demo platform for --demo
// (the reference server, started on a worker thread because seeding takes a moment), and the
// probe that ConnectionMonitor uses to ask whether the platform answers.
#pragma once

#include "api/platform_types.h"
#include "app/connection_monitor.h"
#include "app/platform_access.h"
#include "app/startup_options.h"
#include "app/task_runner.h"
#include "core/error.h"

#include <filesystem>
#include <memory>
#include <string>

namespace cd::api {
class PlatformClient;
}
namespace cd::net {
class CurlHttpClient;
}
namespace cd::server {
class PlatformServer;
}

namespace cd::ui {

class PlatformLink final : public app::PlatformAccess {
public:
    // demo_database: where the demo platform keeps its state (applications, payments).
    // chinese: name the platform by its Chinese name (else its English one).
    PlatformLink(const app::StartupPlan& plan, std::filesystem::path demo_database,
                 app::TaskRunner& worker, bool chinese = false);
    ~PlatformLink() override;
    PlatformLink(const PlatformLink&) = delete;
    PlatformLink& operator=(const PlatformLink&) = delete;

    bool configured() const { return plan_.platform != app::StartupPlan::Platform::none; }
    std::string display_name() const; // before the platform names itself

    // Calls done on a worker or network thread.
    app::ConnectionMonitor::Probe probe();
    // Told (on the network thread) of the city profile each time the probe reads it.
    void set_city_listener(std::function<void(api::City)> listener) {
        city_listener_ = std::move(listener);
    }

    // app::PlatformAccess: the client, created (and the demo platform started) on the worker.
    void acquire(std::function<void(Result<Client>)> use) override;

    // Cancels requests in flight and stops the demo platform; called before the app ends.
    void shut_down();

private:
    // Worker thread only: starts the demo platform if needed; the client for the platform.
    Result<std::shared_ptr<api::PlatformClient>> client();

    app::StartupPlan plan_;
    std::filesystem::path demo_database_;
    app::TaskRunner& worker_;
    bool chinese_;
    std::function<void(api::City)> city_listener_;
    std::unique_ptr<server::PlatformServer> demo_;
    std::shared_ptr<net::CurlHttpClient> http_;
    std::shared_ptr<api::PlatformClient> platform_; // released before http_ (member order)
};

} // namespace cd::ui
