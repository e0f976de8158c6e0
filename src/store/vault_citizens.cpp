#include "store/vault_citizens.h"

#include "store/utc_time.h"
#include "store/vault.h"

namespace cd::store {

Result<std::int64_t> VaultCitizens::note(const std::string& citizen_id,
                                         std::chrono::system_clock::time_point at) {
    if (citizen_id.empty()) {
        return make_error(ErrorKind::validation, "no citizen to record");
    }
    auto db = vault_.connection();
    if (!db) {
        return db.error();
    }
    auto insert = (*db)->prepare(
        "INSERT OR IGNORE INTO vault_citizens (citizen_id, first_seen_utc) VALUES (?, ?)");
    if (!insert) {
        return insert.error();
    }
    insert->bind(1, citizen_id).bind(2, to_utc_iso8601(at));
    if (auto r = insert->run(); !r) {
        return r.error();
    }
    return count();
}

Result<std::int64_t> VaultCitizens::count() {
    auto db = vault_.connection();
    if (!db) {
        return db.error();
    }
    return (*db)->query_int("SELECT count(*) FROM vault_citizens");
}

} // namespace cd::store
