// A buffer for a passphrase or key material that wipes itself (a wipe the compiler cannot
// remove) when it is cleared, moved from or destroyed, in pages locked in memory so the bytes
// are not written to the swap file (store/locked_pages.h). The vault takes passphrases only in this
// type, hands the bytes to SQLCipher and wipes them at once; nothing keeps them.
#pragma once

#include "store/locked_pages.h"

#include <cstddef>
#include <string_view>

namespace cd::store {

// Overwrites n bytes with zeros in a way the optimiser may not drop (explicit_bzero,
// SecureZeroMemory on Windows, or a volatile loop).
void secure_wipe(void* data, std::size_t n);

class SecretBytes {
public:
    SecretBytes() = default;
    explicit SecretBytes(std::string_view text);
    SecretBytes(const SecretBytes&) = delete;
    SecretBytes& operator=(const SecretBytes&) = delete;
    SecretBytes(SecretBytes&& other) noexcept;
    SecretBytes& operator=(SecretBytes&& other) noexcept;
    ~SecretBytes();

    // Wipes the bytes of `text` (e.g. a text field's buffer) after copying them in.
    static SecretBytes take(char* text, std::size_t n);

    const char* data() const { return pages_.data; }
    std::size_t size() const { return size_; }
    bool empty() const { return size_ == 0; }
    std::string_view view() const { return {pages_.data, size_}; }
    // Whether the OS accepted the lock on the bytes' pages (false when empty).
    bool locked_in_memory() const { return pages_.locked; }

    void append(std::string_view more);
    void clear(); // wipes and frees

private:
    LockedPages pages_;
    std::size_t size_ = 0;
};

} // namespace cd::store
