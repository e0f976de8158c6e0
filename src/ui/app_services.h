// The long-lived parts behind the window, built once by the app (and by the [ui] tests the same
// way): the worker thread, the platform link, the vault service, app-wide events and data, the
// notifier wrapped in the message centre, and the AppContext that hands them to every presenter.
// Destroyed after the window.
#pragma once

#include "app/app_context.h"
#include "app/catalog_sync.h"
#include "app/message_centre.h"
#include "app/startup_options.h"
#include "app/task_runner.h"
#include "store/vault.h"
#include "ui/platform_link.h"

#include <filesystem>
#include <memory>

namespace cd::ui {

class AppServices {
public:
    struct Settings {
        app::StartupPlan plan;
        std::filesystem::path data_dir; // the vault and the demo platform's database live here
        bool chinese = false;
        store::VaultOptions vault_options;       // tests lower the KDF cost
        std::unique_ptr<app::Notifier> notifier; // default: WxNotifier
    };

    AppServices(app::Dispatcher& ui, Settings settings);
    // Cancels requests in flight, stops the demo platform, finishes the worker's queue, locks
    // the vault.
    ~AppServices();
    AppServices(const AppServices&) = delete;
    AppServices& operator=(const AppServices&) = delete;

    app::AppContext& context() { return *context_; }
    PlatformLink& link() { return *link_; }
    app::TaskRunner& worker() { return *worker_; }
    void shut_down();

private:
    app::Lifetime lifetime_; // guards what the network thread posts back to the UI
    app::EventHub events_;
    app::PlatformData data_{events_};
    std::unique_ptr<app::Notifier> notifier_;
    std::unique_ptr<app::ThreadTaskRunner> worker_;
    std::unique_ptr<PlatformLink> link_;
    std::unique_ptr<app::VaultService> vault_;
    std::unique_ptr<app::OutboxSender> outbox_;
    std::unique_ptr<app::MessageCentre> messages_; // the screens' notifier: keeps, then shows
    std::unique_ptr<app::AppContext> context_;
    std::unique_ptr<app::CatalogSync> catalog_sync_; // started at once; context_->catalog_sync
};

} // namespace cd::ui
