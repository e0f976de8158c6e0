#include "app/catalog_sync.h"

#include "api/catalog_writer.h"
#include "api/platform_parser.h"
#include "diag/log.h"
#include "store/catalog_cache.h"

#include <algorithm>
#include <map>
#include <optional>

namespace cd::app {
namespace {

bool unreachable(const Error& e) {
    return e.kind == ErrorKind::network || e.kind == ErrorKind::timeout ||
           e.kind == ErrorKind::cancelled || (e.kind == ErrorKind::http_status && e.retryable);
}

} // namespace

std::vector<CatalogEntry> index_entries(const api::Catalog& catalog, const api::City* city) {
    std::map<std::string, const api::NamedItem*> events;
    if (city != nullptr) {
        for (const auto& e : city->life_events) {
            events.emplace(e.id, &e);
        }
    }
    std::vector<CatalogEntry> out;
    out.reserve(catalog.services.size());
    for (const auto& s : catalog.services) {
        CatalogEntry e{s.id,
                       s.kind == "convenience" ? ServiceKind::convenience : ServiceKind::government,
                       s.name.zh,
                       s.name.en,
                       s.keywords,
                       {}};
        for (const auto& id : s.life_events) {
            if (auto it = events.find(id); it != events.end()) {
                e.life_events.push_back(it->second->name.zh);
                e.life_events.push_back(it->second->name.en);
            }
        }
        out.push_back(std::move(e));
    }
    return out;
}

api::Catalog merge_catalog(const api::Catalog& held, const api::Catalog& delta) {
    std::map<std::string, const api::CatalogEntry*> changed;
    for (const auto& s : delta.services) {
        changed.emplace(s.id, &s);
    }
    api::Catalog out;
    out.version = delta.version;
    out.etag = delta.etag;
    out.services.reserve(held.services.size() + delta.services.size());
    for (const auto& s : held.services) {
        const bool removed =
            std::any_of(delta.removed.begin(), delta.removed.end(),
                        [&](const api::CatalogRemoval& r) { return r.id == s.id; });
        if (removed) {
            continue;
        }
        if (auto it = changed.find(s.id); it != changed.end()) {
            out.services.push_back(*it->second);
            changed.erase(it);
        } else {
            out.services.push_back(s);
        }
    }
    for (const auto& s : delta.services) { // the new ones, in the delta's order
        if (changed.count(s.id) != 0) {
            out.services.push_back(s);
        }
    }
    out.count = static_cast<std::int64_t>(out.services.size());
    return out;
}

CatalogSync::CatalogSync(AppContext& context) : context_(context) {}

CatalogSync::~CatalogSync() = default;

void CatalogSync::start() {
    subscriptions_.emplace_back(context_.events, lifetime_.guard([this](AppEvent e) {
        switch (e) {
        case AppEvent::vault_unlocked:
            if (catalog_) {
                save();
            } else {
                load_cache();
            }
            break;
        case AppEvent::vault_locked:
            saved_ = false;
            break;
        case AppEvent::city_changed:
            if (catalog_ && !indexed_with_city_) {
                build_index();
            }
            if (!catalog_ || last_failed_) {
                revalidate();
            }
            break;
        case AppEvent::online: // also when what is shown was kept through the outage
            if (!catalog_ || last_failed_ || context_.data.freshness().stale(Tab::government)) {
                revalidate();
            }
            break;
        default:
            break;
        }
    }));
    if (context_.vault.unlocked()) {
        load_cache();
    } else {
        revalidate();
    }
}

void CatalogSync::load_cache() {
    if (reading_) {
        return;
    }
    reading_ = true;
    set_status(status_.state == CatalogState::empty ? CatalogState::loading : status_.state, true,
               msg(N_("Loading the saved service catalog...")));
    using Loaded = std::optional<std::shared_ptr<const api::Catalog>>;
    context_.vault.run<Loaded>(
        [](store::Vault& vault) -> Result<Loaded> {
            auto snapshot = store::CatalogCache(vault).load();
            if (!snapshot.ok()) {
                return snapshot.error();
            }
            if (!*snapshot) {
                return Loaded();
            }
            auto parsed = api::parse_catalog((*snapshot)->body);
            if (!parsed.ok()) { // a damaged cache is as good as none: fetch afresh
                diag::warn(diag::Category::app,
                           "saved catalog unreadable: " + parsed.error().log_line());
                return Loaded();
            }
            parsed->etag = (*snapshot)->etag;
            return Loaded(std::make_shared<const api::Catalog>(std::move(*parsed)));
        },
        lifetime_.guard([this](Result<Loaded> loaded) {
            reading_ = false;
            if (loaded.ok() && *loaded && (!catalog_ || (**loaded)->version >= catalog_->version)) {
                adopt(**loaded);
                saved_ = true;
                context_.data.freshness().kept(Tab::government, "catalog");
            }
            revalidate();
        }));
}

void CatalogSync::revalidate() {
    if (fetching_) {
        return;
    }
    fetching_ = true;
    api::CatalogQuery query;
    if (catalog_) {
        query.known_version = catalog_->version;
        query.etag = catalog_->etag;
    }
    set_status(catalog_ ? status_.state : CatalogState::loading, true,
               catalog_ ? msg(N_("Checking for catalog updates..."))
                        : msg(N_("Downloading the service catalog...")));
    call_platform<api::CatalogFetch>(
        context_.platform, context_.ui,
        [query](api::PlatformClient& c, auto done) { c.catalog(query, done); },
        lifetime_.guard([this](Result<api::CatalogFetch> r) { on_fetch(std::move(r)); }));
}

void CatalogSync::on_fetch(Result<api::CatalogFetch> result) {
    fetching_ = false;
    if (!result.ok()) {
        last_failed_ = true;
        context_.data.freshness().failed(Tab::government, "catalog");
        diag::info(diag::Category::app, "revalidation failed: " + result.error().log_line());
        status_.not_modified = false;
        if (catalog_) {
            set_status(CatalogState::offline, false,
                       msg(N_("Offline: showing the saved catalog.")));
        } else if (unreachable(result.error())) {
            set_status(CatalogState::failed, false,
                       msg(N_("Offline: the service catalog is not available yet.")));
        } else {
            set_status(CatalogState::failed, false, result.error().message_for_user());
        }
        return;
    }
    last_failed_ = false;
    api::CatalogFetch& fetch = *result;
    if (catalog_ || (!fetch.not_modified && fetch.catalog)) {
        context_.data.freshness().fresh(Tab::government, "catalog", context_.now());
    }
    status_.not_modified = fetch.not_modified;
    if (fetch.not_modified || !fetch.catalog) {
        if (catalog_) {
            set_status(CatalogState::current, false, {});
            if (!saved_) {
                save();
            }
        } else { // a 304 to nothing held cannot happen; ask for everything
            set_status(CatalogState::empty, false, {});
        }
        return;
    }
    api::Catalog& got = *fetch.catalog;
    std::shared_ptr<const api::Catalog> next;
    if (got.since > 0 && catalog_ && got.since == catalog_->version) {
        next = std::make_shared<const api::Catalog>(merge_catalog(*catalog_, got));
    } else if (got.since == 0) {
        got.count = static_cast<std::int64_t>(got.services.size());
        next = std::make_shared<const api::Catalog>(std::move(got));
    } else { // a delta against something else: start over with the full catalog
        catalog_.reset();
        revalidate();
        return;
    }
    adopt(std::move(next));
    saved_ = false;
    set_status(CatalogState::current, false, {});
    save();
}

void CatalogSync::adopt(std::shared_ptr<const api::Catalog> catalog) {
    catalog_ = std::move(catalog);
    status_.version = catalog_->version;
    status_.services = catalog_->services.size();
    context_.data.set_catalog(catalog_);
    build_index();
}

void CatalogSync::save() {
    if (!catalog_ || !context_.vault.unlocked()) {
        return;
    }
    std::shared_ptr<const api::Catalog> catalog = catalog_;
    context_.vault.run<Done>(
        [catalog](store::Vault& vault) -> Result<Done> {
            store::CatalogCache cache(vault);
            auto held = cache.load();
            if (held.ok() && *held && (*held)->version == std::to_string(catalog->version) &&
                (*held)->etag == catalog->etag) {
                return Done{};
            }
            Status stored = cache.store({std::to_string(catalog->version),
                                         catalog->etag,
                                         api::write_catalog(*catalog),
                                         {}});
            if (!stored.ok()) {
                return stored.error();
            }
            return Done{};
        },
        lifetime_.guard([this, catalog](Result<Done> r) {
            if (r.ok() && catalog == catalog_) {
                saved_ = true;
            } else if (!r.ok()) {
                diag::warn(diag::Category::app, "catalog not saved: " + r.error().log_line());
            }
        }));
}

void CatalogSync::build_index() {
    std::shared_ptr<const api::City> city = context_.data.city();
    const bool with_city = city != nullptr;
    if (indexed_ == catalog_ && (indexed_with_city_ || !with_city)) {
        return;
    }
    indexed_ = catalog_;
    indexed_with_city_ = with_city;
    std::shared_ptr<const api::Catalog> catalog = catalog_;
    Dispatcher& ui = context_.ui;
    auto deliver = lifetime_.guard(
        [this, catalog](std::shared_ptr<const CatalogIndex> index, std::chrono::milliseconds took) {
            if (catalog != catalog_) {
                return; // a newer catalog arrived meanwhile: its own index is on the way
            }
            index_ = std::move(index);
            build_time_ = took;
            ++builds_;
            diag::info(diag::Category::app,
                       "search index of " + std::to_string(catalog->services.size()) +
                           " services built in " + std::to_string(took.count()) + " ms");
            for (CatalogSyncListener* l : std::vector<CatalogSyncListener*>(listeners_)) {
                l->catalog_index_ready(index_);
            }
        });
    context_.worker.run([&ui, catalog, city, deliver]() mutable {
        const auto t0 = std::chrono::steady_clock::now();
        auto index = std::make_shared<const CatalogIndex>(index_entries(*catalog, city.get()));
        const auto took = std::chrono::duration_cast<std::chrono::milliseconds>(
            std::chrono::steady_clock::now() - t0);
        ui.post([deliver, index = std::move(index), took]() mutable { deliver(index, took); });
    });
}

void CatalogSync::set_status(CatalogState state, bool busy, Message message) {
    status_.state = state;
    status_.busy = busy;
    status_.message = std::move(message);
    for (CatalogSyncListener* l : std::vector<CatalogSyncListener*>(listeners_)) {
        l->catalog_status_changed(status_);
    }
}

void CatalogSync::add_listener(CatalogSyncListener* listener) {
    listeners_.push_back(listener);
}

void CatalogSync::remove_listener(CatalogSyncListener* listener) {
    listeners_.erase(std::remove(listeners_.begin(), listeners_.end(), listener), listeners_.end());
}

} // namespace cd::app
