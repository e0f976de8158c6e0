#include "store/cipher_settings.h"

#include "store/connection.h"

#include <sqlite3.h>

#include <string>

namespace cd::store {
namespace {

Status run(sqlite3* db, const std::string& sql) {
    const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK) {
        return sqlite_error(rc, "cipher setting", db);
    }
    return Done{};
}

bool is_v4_or_later(const std::string& version) {
    return !version.empty() && version[0] >= '4' && version[0] <= '9';
}

Status apply_to(sqlite3* db, const std::string& prefix, const CipherSettings& settings) {
    if (auto s =
            run(db, "PRAGMA " + prefix + "kdf_iter = " + std::to_string(settings.kdf_iterations));
        !s) {
        return s;
    }
    if (auto s = run(db, "PRAGMA " + prefix +
                             "cipher_page_size = " + std::to_string(settings.page_size));
        !s) {
        return s;
    }
    if (is_v4_or_later(cipher_version(db))) {
        // 4.x defaults to SHA512; 3.4 knows only SHA1. 3.4 ignores these PRAGMAs anyway.
        if (auto s = run(db, "PRAGMA " + prefix + "cipher_hmac_algorithm = HMAC_SHA1"); !s) {
            return s;
        }
        if (auto s = run(db, "PRAGMA " + prefix + "cipher_kdf_algorithm = PBKDF2_HMAC_SHA1"); !s) {
            return s;
        }
    }
    return Done{};
}

} // namespace

std::string cipher_version(sqlite3* db) {
    std::string version;
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db, "PRAGMA cipher_version", -1, &stmt, nullptr) == SQLITE_OK &&
        sqlite3_step(stmt) == SQLITE_ROW) {
        if (const unsigned char* text = sqlite3_column_text(stmt, 0)) {
            version = reinterpret_cast<const char*>(text);
        }
    }
    sqlite3_finalize(stmt);
    return version;
}

Status apply_key(sqlite3* db, const SecretBytes& passphrase, const CipherSettings& settings) {
    if (passphrase.empty()) {
        return make_error(ErrorKind::crypto, "empty passphrase");
    }
    const int rc = sqlite3_key(db, passphrase.data(), static_cast<int>(passphrase.size()));
    if (rc != SQLITE_OK) {
        return make_error(ErrorKind::crypto, "sqlite3_key failed: " + std::to_string(rc));
    }
    if (cipher_version(db).empty()) {
        return make_error(ErrorKind::crypto, "the SQLite library has no SQLCipher codec");
    }
    return apply_to(db, "", settings);
}

Status apply_attached_settings(sqlite3* db, const std::string& schema,
                               const CipherSettings& settings) {
    return apply_to(db, schema + ".", settings);
}

} // namespace cd::store
