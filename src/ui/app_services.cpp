#include "ui/app_services.h"

#include "api/platform_types.h"
#include "ui/message_text.h"
#include "ui/wx_notifier.h"

namespace cd::ui {

AppServices::AppServices(app::Dispatcher& ui, Settings settings)
    : notifier_(settings.notifier ? std::move(settings.notifier) : std::make_unique<WxNotifier>()),
      worker_(std::make_unique<app::ThreadTaskRunner>("worker")),
      link_(std::make_unique<PlatformLink>(settings.plan, settings.data_dir / "demo-platform.db",
                                           *worker_, settings.chinese)),
      vault_(std::make_unique<app::VaultService>(ui, settings.data_dir / "vault.db",
                                                 std::move(settings.vault_options))) {
    // The probe reads the city profile on the network thread; the screens get it on the UI's.
    link_->set_city_listener([&ui, this](api::City city) {
        ui.post(lifetime_.guard(
            [this, city = std::move(city)]() mutable { data_.set_city(std::move(city)); }));
    });
    outbox_ = std::make_unique<app::OutboxSender>(ui, *vault_, events_,
                                                  [] { return std::chrono::system_clock::now(); });
    outbox_->set_citizen([this] { return data_.citizen_id(); });
    messages_ = std::make_unique<app::MessageCentre>(*notifier_, *vault_, data_,
                                                     [this] { return context_->now(); });
    messages_->set_renderer([](const Message& m) { return tr(m).utf8_string(); });
    context_ = std::make_unique<app::AppContext>(
        app::AppContext{ui, *worker_, *link_, *vault_, events_, data_, *messages_, *outbox_});
    context_->messages = messages_.get();
    context_->chinese = settings.chinese;
    context_->demo = settings.plan.platform == app::StartupPlan::Platform::demo;
    catalog_sync_ = std::make_unique<app::CatalogSync>(*context_);
    context_->catalog_sync = catalog_sync_.get();
    catalog_sync_->start();
}

AppServices::~AppServices() {
    shut_down();
    catalog_sync_.reset();
    worker_.reset(); // finishes what was queued (it may still use the link)
    link_.reset();
    context_.reset();
    messages_.reset();
    outbox_.reset();
    vault_.reset(); // finishes the store thread's queue, locks
}

void AppServices::shut_down() {
    if (link_) {
        link_->shut_down();
    }
}

} // namespace cd::ui
