#include "app/idempotency_key.h"

#include <random>

namespace cd::app {

std::string new_idempotency_key(std::string_view prefix) {
    static constexpr char hex[] = "0123456789abcdef";
    std::random_device device;
    std::string key(prefix);
    for (int i = 0; i < 32; ++i) {
        key += hex[device() % 16];
    }
    return key;
}

} // namespace cd::app
