#include "store/library_version.h"

#include <sqlite3.h>

namespace cd::store {

std::string sqlcipher_version_description() {
    std::string cipher = "unknown";
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(":memory:", &db, SQLITE_OPEN_READWRITE, nullptr) == SQLITE_OK) {
        sqlite3_stmt* stmt = nullptr;
        if (sqlite3_prepare_v2(db, "PRAGMA cipher_version;", -1, &stmt, nullptr) == SQLITE_OK &&
            sqlite3_step(stmt) == SQLITE_ROW) {
            const unsigned char* text = sqlite3_column_text(stmt, 0);
            if (text != nullptr) {
                cipher = reinterpret_cast<const char*>(text);
            }
        }
        sqlite3_finalize(stmt);
    }
    sqlite3_close(db);
    return "SQLCipher " + cipher + " (SQLite " + sqlite3_libversion() + ")";
}

} // namespace cd::store
