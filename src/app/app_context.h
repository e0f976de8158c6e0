// Everything a screen's presenter may use, handed to it by the main window: where results go
// (the UI thread), where slow CPU work goes, the platform, the vault, app-wide events and the
// shared platform data, notifications, the clock and the display language. All references
// outlive every presenter (the app owns them and destroys the window first).
#pragma once

#include "app/app_events.h"
#include "app/dispatcher.h"
#include "app/notifier.h"
#include "app/outbox_sender.h"
#include "app/platform_access.h"
#include "app/platform_data.h"
#include "app/task_runner.h"
#include "app/vault_service.h"

#include <chrono>
#include <functional>

namespace cd::app {

class CatalogSync;
class MessageCentre;

struct AppContext {
    Dispatcher& ui;
    TaskRunner& worker; // CPU work off the UI thread (building the search index, CSV export)
    PlatformAccess& platform;
    VaultService& vault;
    EventHub& events;
    PlatformData& data;
    Notifier& notifier;
    OutboxSender& outbox; // register a deliverer for your kind; flush() after queueing
    std::function<std::chrono::system_clock::time_point()> now = [] {
        return std::chrono::system_clock::now();
    };
    bool chinese = false;    // the display language is Chinese: pick LocalizedText::zh
    bool elder_mode = false; // 长辈版 (File > Settings): e.g. payments confirmed in words
    bool demo = false;       // connected to the embedded demo platform
    CatalogSync* catalog_sync = nullptr; // the catalog and its search index (app/catalog_sync.h)
    MessageCentre* messages = nullptr;   // what `notifier` keeps (app/message_centre.h)
};

} // namespace cd::app
