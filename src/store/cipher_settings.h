// The encryption settings of a vault file, set explicitly by our code after the key so that a
// file made by a SQLCipher 3.4 build and by a 4.x build is the same format (PBKDF2-HMAC-SHA1,
// HMAC-SHA1 page authentication, 4096-byte pages). The settings version is written into the
// vault (vault_meta 'cipher_settings_version') so a later build can migrate old files.
#pragma once

#include "core/error.h"
#include "store/secret_bytes.h"

#include <string>

struct sqlite3;

namespace cd::store {

struct CipherSettings {
    int version = 1;             // our numbering, stored in the vault
    int kdf_iterations = 256000; // PBKDF2 rounds; production never goes lower
    int page_size = 4096;
};

inline constexpr int current_cipher_settings_version = 1;
inline constexpr int production_kdf_iterations = 256000;

// Keys a freshly opened connection (the key is the first call on it) and applies every
// setting; on SQLCipher 4.x also selects the 3.x-compatible SHA1 algorithms. Touches no page:
// a wrong key shows on the first read. The passphrase bytes are not copied by us.
Status apply_key(sqlite3* db, const SecretBytes& passphrase, const CipherSettings& settings);

// Applies the same settings to an attached database ("backup") keyed with ATTACH ... KEY.
Status apply_attached_settings(sqlite3* db, const std::string& schema,
                               const CipherSettings& settings);

// "3.4.1", "4.5.6 community": what PRAGMA cipher_version says on this connection.
std::string cipher_version(sqlite3* db);

} // namespace cd::store
