#include "app/open311_definitions.h"

#include "api/form_encoding.h"
#include "api/open311_client.h"
#include "api/open311_parser.h"
#include "app/open311_settings.h"
#include "diag/log.h"
#include "store/catalog_cache.h"

#include <memory>
#include <optional>

namespace cd::app {
namespace {

struct Cached {
    std::optional<std::string> etag;
    std::optional<std::string> body;
};

template <class T> using Parse = Result<T> (*)(std::string_view);

std::string url_of(const api::open311::Open311Config& config, const std::string& path) {
    std::string endpoint = config.endpoint;
    while (!endpoint.empty() && endpoint.back() == '/') {
        endpoint.pop_back();
    }
    std::string url = endpoint + path;
    if (!config.jurisdiction_id.empty()) {
        url += "?" + api::form_encode({{"jurisdiction_id", config.jurisdiction_id}});
    }
    return url;
}

// On the UI thread: the cached answer first, then the city's when it changed.
template <class T>
void revalidate(Dispatcher& ui, VaultService& vault, std::shared_ptr<net::HttpClient> http,
                const std::string& url, Parse<T> parse, std::function<void(Result<T>)> use,
                const Cached& cached) {
    bool shown = false;
    if (cached.body) {
        if (auto r = parse(*cached.body); r.ok()) {
            use(std::move(r));
            shown = true;
        }
    }
    net::Request get;
    get.url = url;
    get.headers.set("Accept", "application/json");
    if (shown && cached.etag && !cached.etag->empty()) {
        get.headers.set("If-None-Match", *cached.etag);
    }
    auto old_body = cached.body;
    http->send(
        std::move(get), [&ui, &vault, url, parse, use, shown, old_body](Result<net::Response> r) {
            ui.post([&vault, url, parse, use, shown, old_body, r = std::move(r)]() {
                if (!r.ok() || r->status == 304 || !r->ok()) {
                    if (!shown) {
                        use(!r.ok() ? Result<T>(r.error())
                                    : Result<T>(api::open311::error_from_open311_response(*r)));
                    }
                    return; // offline or unchanged: what is shown stays
                }
                auto parsed = parse(r->body);
                if (!parsed.ok()) {
                    diag::warn(diag::Category::app,
                               "Open311 definition not kept: ", parsed.error().log_line());
                    if (!shown) {
                        use(std::move(parsed));
                    }
                    return;
                }
                if (shown && old_body == r->body) {
                    return;
                }
                const std::string etag = r->headers.get("ETag").value_or("");
                const std::string body = r->body;
                vault.run<Done>(
                    [url, etag, body](store::Vault& v) {
                        return store::VaultEtagStore(v).store_etag(url, etag, body);
                    },
                    [](Status) {}); // a locked vault keeps nothing: the next look asks again
                use(std::move(parsed));
            });
        });
}

template <class T>
void cached_get(AppContext& context, const std::string& path, Parse<T> parse,
                std::function<void(Result<T>)> use) {
    Dispatcher& ui = context.ui;
    VaultService& vault = context.vault;
    acquire_open311_parts(
        context, [&ui, &vault, path, parse, use = std::move(use)](Result<Open311Parts> parts) {
            if (!parts.ok()) {
                ui.post([use, error = parts.error()] { use(error); });
                return;
            }
            const std::string url = url_of(parts->config, path);
            ui.post([&ui, &vault, http = parts->http, url, parse, use] {
                vault.run<Cached>(
                    [url](store::Vault& v) -> Result<Cached> {
                        store::VaultEtagStore cache(v);
                        return Cached{cache.etag_for(url), cache.body_for(url)};
                    },
                    [&ui, &vault, http, url, parse, use](Result<Cached> cached) {
                        revalidate<T>(ui, vault, http, url, parse, use,
                                      cached.ok() ? *cached : Cached{});
                    });
            });
        });
}

} // namespace

void cached_open311_services(AppContext& context,
                             std::function<void(Result<std::vector<api::open311::Service>>)> use) {
    cached_get<std::vector<api::open311::Service>>(context, "/services.json",
                                                   &api::open311::parse_services, std::move(use));
}

void cached_open311_definition(AppContext& context, const std::string& service_code,
                               std::function<void(Result<api::open311::ServiceDefinition>)> use) {
    cached_get<api::open311::ServiceDefinition>(
        context, "/services/" + api::percent_encode(service_code) + ".json",
        &api::open311::parse_service_definition, std::move(use));
}

void prefetch_open311_definitions(AppContext& context,
                                  const std::vector<api::open311::Service>& services) {
    for (const auto& s : services) {
        if (s.metadata) {
            cached_open311_definition(context, s.code,
                                      [](Result<api::open311::ServiceDefinition>) {});
        }
    }
}

} // namespace cd::app
