// Tells a wrong passphrase from a damaged first page. SQLCipher answers both with SQLITE_NOTADB
// (page 1 fails its HMAC either way), so after that answer the vault checks the passphrase
// against page 2 itself: if page 2's HMAC verifies, the passphrase is right and page 1 is
// damaged. Needs the file format fixed by cipher_settings.h (PBKDF2-HMAC-SHA1, HMAC-SHA1,
// 16-byte salt at the start of page 1, 48-byte page reserve with the IV and the HMAC).
#pragma once

#include "store/cipher_settings.h"
#include "store/secret_bytes.h"

#include <filesystem>

namespace cd::store {

enum class PageKeyCheck {
    key_fits,         // page 2 authenticates with this passphrase
    key_does_not_fit, // it does not (wrong passphrase, or a damaged salt)
    cannot_tell,      // no page 2 in the main file, or it is blank
};

// Costs one key derivation; called only after a refused unlock.
PageKeyCheck check_passphrase_on_page_two(const std::filesystem::path& path,
                                          const SecretBytes& passphrase,
                                          const CipherSettings& settings);

} // namespace cd::store
