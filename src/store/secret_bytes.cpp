#include "store/secret_bytes.h"

#include <cstring>
#include <string.h> // explicit_bzero (glibc >= 2.25)
#include <utility>

#if defined(_WIN32)
#include <windows.h>
#endif

namespace cd::store {

void secure_wipe(void* data, std::size_t n) {
    if (data == nullptr || n == 0) {
        return;
    }
#if defined(_WIN32)
    SecureZeroMemory(data, n);
#elif defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 25))
    explicit_bzero(data, n);
#else
    volatile unsigned char* p = static_cast<volatile unsigned char*>(data);
    while (n-- > 0) {
        *p++ = 0;
    }
#endif
}

SecretBytes::SecretBytes(std::string_view text) {
    append(text);
}

SecretBytes::SecretBytes(SecretBytes&& other) noexcept
    : pages_(std::exchange(other.pages_, LockedPages{})), size_(std::exchange(other.size_, 0)) {}

SecretBytes& SecretBytes::operator=(SecretBytes&& other) noexcept {
    if (this != &other) {
        clear();
        pages_ = std::exchange(other.pages_, LockedPages{});
        size_ = std::exchange(other.size_, 0);
    }
    return *this;
}

SecretBytes::~SecretBytes() {
    clear();
}

SecretBytes SecretBytes::take(char* text, std::size_t n) {
    SecretBytes s(std::string_view(text, n));
    secure_wipe(text, n);
    return s;
}

void SecretBytes::append(std::string_view more) {
    if (more.empty()) {
        return;
    }
    if (size_ + more.size() > pages_.size) {
        // Grow by copying into fresh pages and wiping the old ones: no realloc that could
        // leave a copy behind in freed memory.
        LockedPages bigger = allocate_locked_pages((size_ + more.size()) * 2);
        if (size_ > 0) {
            std::memcpy(bigger.data, pages_.data, size_);
        }
        const std::size_t size = size_;
        clear();
        pages_ = bigger;
        size_ = size;
    }
    std::memcpy(pages_.data + size_, more.data(), more.size());
    size_ += more.size();
}

void SecretBytes::clear() {
    if (pages_.data != nullptr) {
        secure_wipe(pages_.data, pages_.size);
        release_locked_pages(pages_);
    }
    size_ = 0;
}

} // namespace cd::store
