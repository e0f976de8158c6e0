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
    : data_(std::exchange(other.data_, nullptr)), size_(std::exchange(other.size_, 0)),
      capacity_(std::exchange(other.capacity_, 0)) {}

SecretBytes& SecretBytes::operator=(SecretBytes&& other) noexcept {
    if (this != &other) {
        clear();
        data_ = std::exchange(other.data_, nullptr);
        size_ = std::exchange(other.size_, 0);
        capacity_ = std::exchange(other.capacity_, 0);
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
    if (size_ + more.size() > capacity_) {
        // Grow by copying into a fresh buffer and wiping the old one: no realloc that could
        // leave a copy behind in freed memory.
        const std::size_t capacity = (size_ + more.size()) * 2;
        char* bigger = new char[capacity];
        if (size_ > 0) {
            std::memcpy(bigger, data_, size_);
        }
        const std::size_t size = size_;
        clear();
        data_ = bigger;
        size_ = size;
        capacity_ = capacity;
    }
    std::memcpy(data_ + size_, more.data(), more.size());
    size_ += more.size();
}

void SecretBytes::clear() {
    if (data_ != nullptr) {
        secure_wipe(data_, capacity_);
        delete[] data_;
    }
    data_ = nullptr;
    size_ = 0;
    capacity_ = 0;
}

} // namespace cd::store
