// Which Open311 GeoReport v2 endpoint My Voice speaks to: the city's (from the city profile,
// resolved against the platform's address) or one the citizen set, with its api_key and
// jurisdiction_id. Kept in the vault's preferences; the api_key is a secret, so it lives only
// there and is never logged. call_open311() is the Open311 twin of call_platform().
#pragma once

#include "api/open311_client.h"
#include "app/app_context.h"

#include <memory>
#include <string>

namespace cd::store {
class Vault;
}

namespace cd::app {

struct Open311Settings {
    bool custom = false;         // false: the city's endpoint
    std::string endpoint;        // custom only: "https://311.example.org/open311/v2"
    std::string jurisdiction_id; // custom only
    std::string api_key;         // custom only; a secret
    bool multiple_media = false; // custom only: the endpoint takes several `media` parts
};

// The key sent to the city's own endpoint, which identifies the app, not the citizen.
inline constexpr const char* city_open311_api_key = "citizendesk-desktop";

Result<Open311Settings> load_open311_settings(store::Vault& vault);
Status save_open311_settings(store::Vault& vault, const Open311Settings& settings);

// `reference` as an absolute URL: kept when it has a scheme, else joined to `base_url`.
std::string resolve_url(const std::string& base_url, const std::string& reference);

// The client configuration for the settings: the custom endpoint, or the city's.
api::open311::Open311Config open311_config(const Open311Settings& settings, const api::City* city,
                                           const std::string& platform_base_url);

using Open311Handle = std::shared_ptr<api::open311::Open311Client>;

// The HttpClient and configuration for the endpoint in use (for requests the client does not
// make itself, such as a report with photos as multipart/form-data).
struct Open311Parts {
    std::shared_ptr<net::HttpClient> http;
    api::open311::Open311Config config;
    bool multiple_media = false; // else one photo per report (most cities take one)
};
void acquire_open311_parts(AppContext& context, std::function<void(Result<Open311Parts>)> use);

// Builds the client for the endpoint in use and calls `use` (on a background thread) with it,
// or with why there is none. Call on the UI thread.
void acquire_open311(AppContext& context, std::function<void(Result<Open311Handle>)> use);

// One Open311 call whose typed result is delivered on the UI thread:
//   call_open311<std::vector<Service>>(context,
//       [](Open311Client& c, auto done) { c.services(done); }, lifetime.guard(...));
template <class T, class Call, class OnResult>
void call_open311(AppContext& context, Call call, OnResult on_result) {
    Dispatcher& ui = context.ui;
    PlatformAccess& platform = context.platform; // told of each outcome, for the status bar
    acquire_open311(context, [&ui, &platform, call = std::move(call),
                              on_result = std::move(on_result)](Result<Open311Handle> client) {
        if (!client.ok()) {
            ui.post([on_result, error = client.error()]() mutable { on_result(Result<T>(error)); });
            return;
        }
        // The client's requests do not need it alive, and a callback on the network thread
        // must not hold it: it owns the HttpClient whose thread runs that callback.
        call(**client, [&ui, &platform, on_result](Result<T> result) {
            ui.post([&platform, on_result, result = std::move(result)]() mutable {
                platform.report(Endpoint::open311, result);
                on_result(std::move(result));
            });
        });
    });
}

class Open311SettingsView {
public:
    virtual ~Open311SettingsView() = default;
    // has_api_key: a key is stored (it is never shown); city_endpoint: what "the city's" means.
    virtual void show_settings(const Open311Settings& settings_without_key, bool has_api_key,
                               const std::string& city_endpoint) = 0;
    virtual void show_problem(const Message& problem) = 0; // empty clears
    virtual void saved() = 0;
};

class Open311SettingsPresenter {
public:
    Open311SettingsPresenter(AppContext& context, Open311SettingsView& view);
    void start();
    // An empty api_key keeps the stored one. A saved change of endpoint publishes
    // AppEvent::open311_changed, so every My Voice screen reloads from the new one.
    void save(bool custom, const std::string& endpoint, const std::string& jurisdiction_id,
              const std::string& api_key, bool multiple_media = false);

private:
    AppContext& context_;
    Open311SettingsView& view_;
    Lifetime lifetime_;
};

} // namespace cd::app
