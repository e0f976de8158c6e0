// The vault's schema as numbered migration steps, applied in order. PRAGMA user_version holds
// the number of the last step applied; each step runs in its own transaction with the bump.
// A step, once released, never changes: a change is a new step at the end.
#pragma once

#include "store/connection.h"

#include <string_view>

namespace cd::store {

struct MigrationStep {
    int version;              // user_version after this step
    std::string_view summary; // for the log
    std::string_view sql;
};

// Every step, in order; the latest schema version is the last step's version.
const MigrationStep* migration_steps(int* count);
int latest_schema_version();

// The schema version of an open vault (PRAGMA user_version).
Result<int> schema_version(Connection& db);

// Applies the steps after the vault's version up to `target` (default: the latest). A vault
// newer than this build is refused (a storage error), never downgraded.
Status migrate(Connection& db, int target = 0);

} // namespace cd::store
