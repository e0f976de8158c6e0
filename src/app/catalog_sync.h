// Keeps the service catalog and its search index current for every screen. When the vault
// unlocks it shows the catalog saved there at once, then asks the platform whether it changed
// (ETag, 304; a since= delta when it did) and saves what it got. Without a vault it fetches
// and shows, and saves once the vault unlocks. Offline it keeps what it has and says so.
// The search index is built on the worker thread, once per catalog (and city profile).
// Owned by AppServices; screens reach it through AppContext::catalog_sync. UI thread only.
#pragma once

#include "app/app_context.h"
#include "core/catalog_index.h"
#include "core/message.h"

#include <chrono>
#include <cstdint>
#include <memory>
#include <vector>

namespace cd::app {

enum class CatalogState {
    empty,   // nothing to show yet
    loading, // reading the saved catalog or asking the platform (busy)
    current, // the platform confirmed what is shown (304) or just sent it
    offline, // the platform could not be reached: showing the saved catalog
    failed,  // the platform could not be reached and there is nothing saved
};

struct CatalogStatus {
    CatalogState state = CatalogState::empty;
    bool busy = false;
    Message message;          // a line for the status area; empty = nothing to say
    std::int64_t version = 0; // of the catalog shown
    std::size_t services = 0;
    bool not_modified = false; // the last revalidation was answered with 304
};

class CatalogSyncListener {
public:
    virtual ~CatalogSyncListener() = default;
    virtual void catalog_status_changed(const CatalogStatus&) {}
    // A new search index, for the catalog now in PlatformData.
    virtual void catalog_index_ready(const std::shared_ptr<const CatalogIndex>&) {}
};

// The search index's entries for a catalog: life events by their display names (both
// languages) when the city profile is known. Pure; runs on the worker.
std::vector<CatalogEntry> index_entries(const api::Catalog& catalog, const api::City* city);

// A delta applied to the catalog it was asked against: changed and new services replace or
// join, removed ones leave; version and ETag become the delta's.
api::Catalog merge_catalog(const api::Catalog& held, const api::Catalog& delta);

class CatalogSync {
public:
    explicit CatalogSync(AppContext& context);
    ~CatalogSync();
    CatalogSync(const CatalogSync&) = delete;
    CatalogSync& operator=(const CatalogSync&) = delete;

    // Loads the saved catalog when the vault is unlocked (then revalidates), else fetches.
    void start();
    // Asks the platform now (a no-op while a request is in flight).
    void revalidate();

    const CatalogStatus& status() const { return status_; }
    // Null until the first index is built.
    std::shared_ptr<const CatalogIndex> index() const { return index_; }
    // How long the last index build took on the worker.
    std::chrono::milliseconds last_index_build() const { return build_time_; }
    int index_builds() const { return builds_; }

    void add_listener(CatalogSyncListener* listener);
    void remove_listener(CatalogSyncListener* listener);

private:
    void load_cache();
    void adopt(std::shared_ptr<const api::Catalog> catalog);
    void save();
    void build_index();
    void set_status(CatalogState state, bool busy, Message message);
    void on_fetch(Result<api::CatalogFetch> result);

    AppContext& context_;
    std::shared_ptr<const api::Catalog> catalog_;
    bool saved_ = false;       // catalog_ is what the vault holds
    bool fetching_ = false;    // a platform request is in flight
    bool reading_ = false;     // a vault read is in flight
    bool last_failed_ = false; // the last platform request failed
    CatalogStatus status_;
    std::shared_ptr<const CatalogIndex> index_;
    std::shared_ptr<const api::Catalog> indexed_; // what the newest index request is for
    bool indexed_with_city_ = false;
    std::chrono::milliseconds build_time_{0};
    int builds_ = 0;
    std::vector<CatalogSyncListener*> listeners_;
    std::vector<Subscription> subscriptions_;
    Lifetime lifetime_; // last
};

} // namespace cd::app
