#include "app/open311_settings.h"

#include "diag/log.h"
#include "store/preferences.h"

namespace cd::app {
namespace {

constexpr const char* custom_key = "voice.open311.custom";
constexpr const char* endpoint_key = "voice.open311.endpoint";
constexpr const char* jurisdiction_key = "voice.open311.jurisdiction_id";
constexpr const char* api_key_key = "voice.open311.api_key";
constexpr const char* multiple_media_key = "voice.open311.multiple_media";

bool absolute(const std::string& url) {
    return url.rfind("http://", 0) == 0 || url.rfind("https://", 0) == 0;
}

} // namespace

Result<Open311Settings> load_open311_settings(store::Vault& vault) {
    store::Preferences prefs(vault);
    Open311Settings s;
    auto read = [&prefs](const char* key, std::string& out) -> Status {
        auto v = prefs.get(key);
        if (!v.ok()) {
            return v.error();
        }
        out = v->value_or("");
        return Done{};
    };
    std::string custom, multiple_media;
    for (auto [key, out] :
         {std::pair{custom_key, &custom}, std::pair{multiple_media_key, &multiple_media},
          std::pair{endpoint_key, &s.endpoint}, std::pair{jurisdiction_key, &s.jurisdiction_id},
          std::pair{api_key_key, &s.api_key}}) {
        if (auto st = read(key, *out); !st.ok()) {
            return st.error();
        }
    }
    s.custom = custom == "1";
    s.multiple_media = multiple_media == "1";
    return s;
}

Status save_open311_settings(store::Vault& vault, const Open311Settings& settings) {
    store::Preferences prefs(vault);
    for (auto [key, value] :
         {std::pair{custom_key, std::string(settings.custom ? "1" : "0")},
          std::pair{multiple_media_key, std::string(settings.multiple_media ? "1" : "0")},
          std::pair{endpoint_key, settings.endpoint},
          std::pair{jurisdiction_key, settings.jurisdiction_id},
          std::pair{api_key_key, settings.api_key}}) {
        if (auto st = prefs.set(key, value); !st.ok()) {
            return st;
        }
    }
    return Done{};
}

std::string resolve_url(const std::string& base_url, const std::string& reference) {
    if (absolute(reference)) {
        return reference;
    }
    std::string base = base_url;
    while (!base.empty() && base.back() == '/') {
        base.pop_back();
    }
    return base + (reference.rfind('/', 0) == 0 ? "" : "/") + reference;
}

api::open311::Open311Config open311_config(const Open311Settings& settings, const api::City* city,
                                           const std::string& platform_base_url) {
    api::open311::Open311Config config;
    if (settings.custom) {
        config.endpoint = settings.endpoint;
        config.jurisdiction_id = settings.jurisdiction_id;
        config.api_key = settings.api_key;
        return config;
    }
    const std::string endpoint =
        city && !city->open311.endpoint.empty() ? city->open311.endpoint : "/open311/v2/";
    config.endpoint = resolve_url(platform_base_url, endpoint);
    if (city) {
        if (!city->open311.discovery.empty()) {
            config.discovery_url = resolve_url(platform_base_url, city->open311.discovery);
        }
        config.jurisdiction_id = city->open311.jurisdiction_id;
    }
    config.api_key = city_open311_api_key;
    return config;
}

void acquire_open311_parts(AppContext& context, std::function<void(Result<Open311Parts>)> use) {
    std::shared_ptr<const api::City> city = context.data.city();
    PlatformAccess& platform = context.platform;
    auto build = [&platform, city, use = std::move(use)](Open311Settings settings) mutable {
        platform.acquire([city, settings = std::move(settings),
                          use = std::move(use)](Result<PlatformAccess::Client> client) {
            if (!client.ok()) {
                use(client.error());
                return;
            }
            use(Open311Parts{(*client)->http(),
                             open311_config(settings, city.get(), (*client)->base_url()),
                             settings.custom && settings.multiple_media});
        });
    };
    if (!context.vault.unlocked()) {
        build(Open311Settings{});
        return;
    }
    context.vault.run<Open311Settings>(
        [](store::Vault& v) { return load_open311_settings(v); },
        [build = std::move(build)](Result<Open311Settings> settings) mutable {
            build(settings.ok() ? *settings : Open311Settings{});
        });
}

void acquire_open311(AppContext& context, std::function<void(Result<Open311Handle>)> use) {
    acquire_open311_parts(context, [use = std::move(use)](Result<Open311Parts> parts) {
        if (!parts.ok()) {
            use(parts.error());
            return;
        }
        use(std::make_shared<api::open311::Open311Client>(parts->http, parts->config));
    });
}

Open311SettingsPresenter::Open311SettingsPresenter(AppContext& context, Open311SettingsView& view)
    : context_(context), view_(view) {}

void Open311SettingsPresenter::start() {
    auto city = context_.data.city();
    std::string city_endpoint =
        city ? city->open311.endpoint : std::string("/open311/v2/"); // relative to the platform
    context_.vault.run<Open311Settings>(
        [](store::Vault& v) { return load_open311_settings(v); },
        lifetime_.guard([this, city_endpoint](Result<Open311Settings> settings) {
            if (!settings.ok()) {
                view_.show_problem(settings.error().user_message);
                view_.show_settings({}, false, city_endpoint);
                return;
            }
            Open311Settings shown = *settings;
            const bool has_key = !shown.api_key.empty();
            shown.api_key.clear();
            view_.show_settings(shown, has_key, city_endpoint);
        }));
}

void Open311SettingsPresenter::save(bool custom, const std::string& endpoint,
                                    const std::string& jurisdiction_id, const std::string& api_key,
                                    bool multiple_media) {
    if (custom && !absolute(endpoint)) {
        view_.show_problem(msg(N_("Enter the endpoint's full address, starting with https://.")));
        return;
    }
    view_.show_problem({});
    context_.vault.run<Open311Settings>(
        [custom, endpoint, jurisdiction_id, api_key,
         multiple_media](store::Vault& v) -> Result<Open311Settings> {
            auto current = load_open311_settings(v);
            if (!current.ok()) {
                return current.error();
            }
            Open311Settings next;
            next.custom = custom;
            next.endpoint = endpoint;
            next.jurisdiction_id = jurisdiction_id;
            next.api_key = api_key.empty() ? current->api_key : api_key;
            next.multiple_media = multiple_media;
            if (auto st = save_open311_settings(v, next); !st.ok()) {
                return st.error();
            }
            return next;
        },
        lifetime_.guard([this](Result<Open311Settings> saved) {
            if (!saved.ok()) {
                view_.show_problem(saved.error().user_message);
                return;
            }
            // Never the api_key: only whether there is one.
            diag::info(diag::Category::app, "Open311 endpoint: ",
                       saved->custom ? saved->endpoint : std::string("the city's"),
                       saved->api_key.empty() ? " (no api_key)" : " (api_key set)");
            view_.saved();
            context_.events.publish(AppEvent::open311_changed);
        }));
}

} // namespace cd::app
