// A buffer for a passphrase or key material that wipes itself (a wipe the compiler cannot
// remove) when it is cleared, moved from or destroyed. The vault takes passphrases only in this
// type, hands the bytes to SQLCipher and wipes them at once; nothing keeps them.
#pragma once

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

    const char* data() const { return data_; }
    std::size_t size() const { return size_; }
    bool empty() const { return size_ == 0; }
    std::string_view view() const { return {data_, size_}; }

    void append(std::string_view more);
    void clear(); // wipes and frees

private:
    char* data_ = nullptr;
    std::size_t size_ = 0;
    std::size_t capacity_ = 0;
};

} // namespace cd::store
