// The cached service catalog (its body as the server sent it, version and ETag), and the
// ETag cache the net layer uses for conditional requests of any URL. Both live in the vault,
// so a cached answer never sits in plain text on the disk.
#pragma once

#include "core/error.h"

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace cd::store {

class Vault;

struct CatalogSnapshot {
    std::string version;
    std::string etag;
    std::string body; // the catalog document, as received
    std::string stored_utc;
};

class CatalogCache {
public:
    explicit CatalogCache(Vault& vault) : vault_(vault) {}

    Result<std::optional<CatalogSnapshot>> load();
    // Replaces the cached catalog (one transaction: the old one stays until the new is in).
    Status store(const CatalogSnapshot& snapshot);

private:
    Vault& vault_;
};

// What the net layer needs for If-None-Match: the ETag it last saw for a URL, and the body
// to use when the server answers 304. Call it on the store thread (through StoreThread).
class EtagStore {
public:
    virtual ~EtagStore() = default;
    virtual std::optional<std::string> etag_for(std::string_view url) = 0;
    virtual std::optional<std::string> body_for(std::string_view url) = 0;
    virtual Status store_etag(std::string_view url, std::string_view etag,
                              std::string_view body) = 0;
};

class VaultEtagStore final : public EtagStore {
public:
    explicit VaultEtagStore(Vault& vault) : vault_(vault) {}
    // A locked vault or a read error answers "nothing cached": the request goes unconditional.
    std::optional<std::string> etag_for(std::string_view url) override;
    std::optional<std::string> body_for(std::string_view url) override;
    Status store_etag(std::string_view url, std::string_view etag, std::string_view body) override;
    // When the body for `url` was kept (UTC ISO 8601): what an offline screen says its copy is
    // from.
    std::optional<std::string> stored_for(std::string_view url);

private:
    std::optional<std::string> column_for(std::string_view url, const char* sql);
    Vault& vault_;
};

} // namespace cd::store
