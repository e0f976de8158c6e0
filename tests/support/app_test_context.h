// What a presenter test needs to run a screen the way the app does, with real parts: the
// reference platform on loopback (in memory, seeded), real libcurl, a real encrypted vault in a
// temporary folder (cheap KDF for speed), a UI-thread queue the test drives, app-wide events
// and data, and a notifier that records. Link the suite with citizendesk_app, citizendesk_net
// and citizendesk_server.
//
//   cd::test::AppTestContext t;          // platform started, vault created and unlocked
//   t.sign_in();                         // the demo citizen, when the screen needs a session
//   SomePresenter p(t.context, view);
//   REQUIRE(t.ui.run_until([&] { return view.loaded; }));
#pragma once

#include "api/platform_client.h"
#include "app/app_context.h"
#include "app/task_runner.h"
#include "net/curl_http_client.h"
#include "queue_dispatcher.h"
#include "recording_notifier.h"
#include "server/platform_server.h"
#include "store/vault.h"
#include "temp_dir.h"

#include <future>
#include <memory>
#include <stdexcept>

namespace cd::test {

class AppTestContext {
public:
    struct Options {
        server::PlatformServerOptions server;
        bool start_platform = true;
        bool unlock_vault = true;
    };

    AppTestContext() : AppTestContext(Options{}) {}
    explicit AppTestContext(Options options)
        : server(options.server), http(std::make_shared<net::CurlHttpClient>()) {
        if (options.start_platform) {
            auto port = server.start();
            if (!port.ok()) {
                throw std::runtime_error("the reference platform did not start: " +
                                         port.error().log_line());
            }
            client = std::make_shared<api::PlatformClient>(
                http, api::PlatformConfig{server.base_url(), {}});
        } else {
            // Nothing listens on the discard port: every call fails as when offline.
            client = std::make_shared<api::PlatformClient>(
                http, api::PlatformConfig{"http://127.0.0.1:9", {}});
        }
        platform = std::make_unique<app::FixedPlatformAccess>(client);
        vault = std::make_unique<app::VaultService>(
            ui, dir.path() / "vault.db", store::VaultOptions::insecure_fast_kdf_for_tests());
        outbox = std::make_unique<app::OutboxSender>(ui, *vault, events,
                                                     [this] { return context->now(); });
        context = std::make_unique<app::AppContext>(
            app::AppContext{ui, worker, *platform, *vault, events, data, notifier, *outbox});
        if (options.unlock_vault) {
            bool done = false;
            bool ok = false;
            vault->create(store::SecretBytes("correct horse battery staple 42"), [&](Status s) {
                done = true;
                ok = s.ok();
            });
            ui.run_until([&] { return done; });
            if (!ok) {
                throw std::runtime_error("the test vault could not be created");
            }
        }
    }

    ~AppTestContext() {
        ui.drain();
        outbox.reset();
        context.reset();
        platform.reset();
        http->cancel_all();
        client.reset(); // before the HttpClient it uses
        vault.reset();
        server.stop();
    }

    // Signs the demo citizen (or another seeded one) in on the client (blocking; test setup
    // only) and records the session's citizen in the shared data, as the session screen does.
    void sign_in(const char* phone = server::demo_phone) {
        std::promise<Result<api::SessionTokens>> signed_in;
        client->login(phone, server::demo_password,
                      [&](Result<api::SessionTokens> r) { signed_in.set_value(std::move(r)); });
        auto tokens = signed_in.get_future().get();
        if (!tokens.ok()) {
            throw std::runtime_error("demo sign-in failed: " + tokens.error().log_line());
        }
        data.set_signed_in(std::nullopt, tokens->citizen_id);
    }

    TempDir dir;
    QueueDispatcher ui;
    app::InlineTaskRunner worker;
    app::EventHub events;
    app::PlatformData data{events};
    RecordingNotifier notifier;
    server::PlatformServer server;
    std::shared_ptr<net::CurlHttpClient> http;
    std::shared_ptr<api::PlatformClient> client;
    std::unique_ptr<app::FixedPlatformAccess> platform;
    std::unique_ptr<app::VaultService> vault;
    std::unique_ptr<app::OutboxSender> outbox;
    std::unique_ptr<app::AppContext> context;
};

} // namespace cd::test
