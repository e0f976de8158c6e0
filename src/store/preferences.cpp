#include "store/preferences.h"

#include "store/utc_time.h"
#include "store/vault.h"

namespace cd::store {

Status
Preferences::write(std::initializer_list<std::pair<std::string, std::vector<std::string>>> steps) {
    auto db = vault_.connection();
    if (!db) {
        return db.error();
    }
    Connection& c = **db;
    return c.transaction([&]() -> Status {
        for (const auto& [sql, params] : steps) {
            auto s = c.prepare(sql);
            if (!s) {
                return s.error();
            }
            for (std::size_t i = 0; i < params.size(); ++i) {
                s->bind(static_cast<int>(i) + 1, params[i]);
            }
            if (auto r = s->run(); !r) {
                return r;
            }
        }
        return Done{};
    });
}

Result<std::vector<std::string>> Preferences::list(const char* sql) {
    auto db = vault_.connection();
    if (!db) {
        return db.error();
    }
    auto s = (*db)->prepare(sql);
    if (!s) {
        return s.error();
    }
    std::vector<std::string> out;
    if (auto r = s->for_each_row([&](const Statement& row) { out.push_back(row.column_text(0)); });
        !r) {
        return r.error();
    }
    return out;
}

Status Preferences::add_favourite(const std::string& service_id, time_point now) {
    return write({{"INSERT OR IGNORE INTO favourites (service_id, added_utc) VALUES (?, ?)",
                   {service_id, to_utc_iso8601(now)}}});
}

Status Preferences::remove_favourite(const std::string& service_id) {
    return write({{"DELETE FROM favourites WHERE service_id = ?", {service_id}}});
}

Result<std::vector<std::string>> Preferences::favourites() {
    return list("SELECT service_id FROM favourites ORDER BY added_utc, rowid");
}

Status Preferences::note_recent(const std::string& service_id, time_point now) {
    // rowid order breaks ties within one second: the later note is the newer one.
    return write({{"DELETE FROM recents WHERE service_id = ?", {service_id}},
                  {"INSERT INTO recents (service_id, used_utc) VALUES (?, ?)",
                   {service_id, to_utc_iso8601(now)}},
                  {std::string("DELETE FROM recents WHERE rowid NOT IN (SELECT rowid FROM "
                               "recents ORDER BY used_utc DESC, rowid DESC LIMIT ") +
                       std::to_string(max_recents) + ")",
                   {}}});
}

Result<std::vector<std::string>> Preferences::recents() {
    return list("SELECT service_id FROM recents ORDER BY used_utc DESC, rowid DESC");
}

Status Preferences::set(const std::string& key, const std::string& value) {
    return write({{"INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)", {key, value}}});
}

Result<std::optional<std::string>> Preferences::get(const std::string& key) {
    auto db = vault_.connection();
    if (!db) {
        return db.error();
    }
    auto s = (*db)->prepare("SELECT value FROM settings WHERE key = ?");
    if (!s) {
        return s.error();
    }
    s->bind(1, key);
    auto row = s->step();
    if (!row) {
        return row.error();
    }
    return *row ? std::optional<std::string>(s->column_text(0)) : std::nullopt;
}

Status Preferences::erase(const std::string& key) {
    return write({{"DELETE FROM settings WHERE key = ?", {key}}});
}

} // namespace cd::store
