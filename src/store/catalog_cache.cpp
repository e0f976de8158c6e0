#include "store/catalog_cache.h"

#include "store/utc_time.h"
#include "store/vault.h"

namespace cd::store {

Result<std::optional<CatalogSnapshot>> CatalogCache::load() {
    auto db = vault_.connection();
    if (!db) {
        return db.error();
    }
    auto s = (*db)->prepare("SELECT version, etag, body, stored_utc FROM catalog_cache "
                            "WHERE id = 1");
    if (!s) {
        return s.error();
    }
    auto row = s->step();
    if (!row) {
        return row.error();
    }
    if (!*row) {
        return std::optional<CatalogSnapshot>();
    }
    return std::optional<CatalogSnapshot>(CatalogSnapshot{s->column_text(0), s->column_text(1),
                                                          s->column_text(2), s->column_text(3)});
}

Status CatalogCache::store(const CatalogSnapshot& snapshot) {
    auto db = vault_.connection();
    if (!db) {
        return db.error();
    }
    Connection& c = **db;
    return c.transaction([&]() -> Status {
        auto s = c.prepare("INSERT OR REPLACE INTO catalog_cache (id, version, etag, body, "
                           "stored_utc) VALUES (1, ?, ?, ?, ?)");
        if (!s) {
            return s.error();
        }
        const std::string stored = snapshot.stored_utc.empty()
                                       ? to_utc_iso8601(std::chrono::system_clock::now())
                                       : snapshot.stored_utc;
        s->bind(1, snapshot.version).bind(2, snapshot.etag).bind_blob(3, snapshot.body);
        s->bind(4, stored);
        return s->run();
    });
}

std::optional<std::string> VaultEtagStore::column_for(std::string_view url, const char* sql) {
    auto db = vault_.connection();
    if (!db) {
        return std::nullopt;
    }
    auto s = (*db)->prepare(sql);
    if (!s) {
        return std::nullopt;
    }
    s->bind(1, url);
    auto row = s->step();
    if (!row || !*row) {
        return std::nullopt;
    }
    return s->column_text(0);
}

std::optional<std::string> VaultEtagStore::etag_for(std::string_view url) {
    return column_for(url, "SELECT etag FROM http_cache WHERE url = ?");
}

std::optional<std::string> VaultEtagStore::body_for(std::string_view url) {
    return column_for(url, "SELECT body FROM http_cache WHERE url = ?");
}

std::optional<std::string> VaultEtagStore::stored_for(std::string_view url) {
    return column_for(url, "SELECT stored_utc FROM http_cache WHERE url = ?");
}

Status VaultEtagStore::store_etag(std::string_view url, std::string_view etag,
                                  std::string_view body) {
    auto db = vault_.connection();
    if (!db) {
        return db.error();
    }
    Connection& c = **db;
    return c.transaction([&]() -> Status {
        auto s = c.prepare("INSERT OR REPLACE INTO http_cache (url, etag, body, stored_utc) "
                           "VALUES (?, ?, ?, ?)");
        if (!s) {
            return s.error();
        }
        s->bind(1, url).bind(2, etag).bind_blob(3, body);
        s->bind(4, to_utc_iso8601(std::chrono::system_clock::now()));
        return s->run();
    });
}

} // namespace cd::store
