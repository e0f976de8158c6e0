#include "app/kept_service_guide.h"

#include "api/platform_parser.h"
#include "app/local_time.h"
#include "diag/log.h"
#include "store/catalog_cache.h"

#include <memory>
#include <optional>

namespace cd::app {
namespace {

struct Kept {
    std::string etag;
    std::optional<api::ServiceGuide> guide; // the kept body, read; none when absent or unreadable
    std::string stored_utc;
};

// The platform's door did not open (or it was busy): the kept copy is the best there is.
bool unreachable(const Error& e) {
    return e.kind == ErrorKind::network || e.kind == ErrorKind::timeout ||
           (e.kind == ErrorKind::http_status && e.retryable);
}

// On the UI thread, with what the vault holds: ask the platform, conditionally when there is a
// readable copy, and decide what to show.
void ask(AppContext& context, PlatformAccess::Client client, const std::string& service_id,
         const std::string& url, std::shared_ptr<const Kept> kept,
         std::function<void(Result<KeptGuide>)> use) {
    Dispatcher& ui = context.ui;
    PlatformAccess& platform = context.platform;
    VaultService& vault = context.vault;
    client->fetch_service_guide(
        service_id, kept->guide ? kept->etag : std::string(),
        [&ui, &platform, &vault, url, kept, use](Result<api::GuideFetch> r) {
            ui.post([&platform, &vault, url, kept, use, r = std::move(r)]() mutable {
                platform.report(Endpoint::platform, r);
                if (!r.ok()) {
                    if (kept->guide && unreachable(r.error())) {
                        diag::info(diag::Category::app,
                                   "service guide from the vault: ", r.error().log_line());
                        use(KeptGuide{*kept->guide, url, kept->stored_utc, {}});
                    } else {
                        use(r.error());
                    }
                    return;
                }
                if (r->not_modified) {
                    if (kept->guide) {
                        use(KeptGuide{*kept->guide, url, {}, {}});
                    } else {
                        use(make_error(ErrorKind::protocol, "304 without a kept guide"));
                    }
                    return;
                }
                const std::string etag = r->etag;
                const std::string body = std::move(r->body);
                vault.run<Done>(
                    [url, etag, body](store::Vault& v) {
                        return store::VaultEtagStore(v).store_etag(url, etag, body);
                    },
                    [](Status) {}); // a locked vault keeps nothing: the next look asks again
                use(KeptGuide{std::move(*r->guide), url, {}, {}});
            });
        });
}

} // namespace

void kept_service_guide(AppContext& context, const std::string& service_id,
                        std::function<void(Result<KeptGuide>)> use) {
    AppContext* ctx = &context; // outlives every presenter (app_context.h)
    context.platform.acquire([ctx, service_id,
                              use = std::move(use)](Result<PlatformAccess::Client> client) {
        if (!client.ok()) {
            ctx->ui.post([ctx, use, error = client.error()] {
                ctx->platform.report(Endpoint::platform, &error);
                use(error);
            });
            return;
        }
        const std::string url = (*client)->service_guide_url(service_id);
        const std::string page = (*client)->service_page_url(service_id);
        auto with_page = [use, page](Result<KeptGuide> r) {
            if (r.ok()) {
                r->page_url = page;
            }
            use(std::move(r));
        };
        ctx->ui.post([ctx, client = *client, service_id, url, use = std::move(with_page)] {
            ctx->vault.run<Kept>(
                [url](store::Vault& v) -> Result<Kept> {
                    store::VaultEtagStore cache(v);
                    Kept kept;
                    if (auto body = cache.body_for(url)) {
                        if (auto parsed = api::parse_service_guide(*body); parsed.ok()) {
                            kept.guide = std::move(*parsed);
                            kept.etag = cache.etag_for(url).value_or("");
                            kept.stored_utc = cache.stored_for(url).value_or("");
                        }
                    }
                    return kept;
                },
                [ctx, client, service_id, url, use](Result<Kept> kept) {
                    // A locked vault has no copy: the platform is asked without a condition.
                    ask(*ctx, client, service_id, url,
                        std::make_shared<const Kept>(kept.ok() ? std::move(*kept) : Kept{}), use);
                });
        });
    });
}

Message kept_guide_note(const KeptGuide& kept, std::chrono::system_clock::time_point now) {
    if (kept.kept_utc.empty()) {
        return {};
    }
    return msg(N_("The platform cannot be reached. This guide is the copy kept on this computer "
                  "on {0}."),
               {local_time_text(kept.kept_utc, local_utc_offset_minutes(now))});
}

Message kept_form_note(const KeptGuide& kept, std::chrono::system_clock::time_point now) {
    if (kept.kept_utc.empty()) {
        return {};
    }
    return msg(N_("The platform cannot be reached. This form is the copy kept on this computer "
                  "on {0}; your application will be sent when the platform can be reached."),
               {local_time_text(kept.kept_utc, local_utc_offset_minutes(now))});
}

} // namespace cd::app
