#include "net/headers.h"

#include <algorithm>
#include <limits>

namespace cd::net {

bool iequals(std::string_view a, std::string_view b) {
    auto lower = [](char c) {
        return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    };
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(),
                                              [&](char x, char y) { return lower(x) == lower(y); });
}

void Headers::add(std::string name, std::string value) {
    fields_.emplace_back(std::move(name), std::move(value));
}

void Headers::set(std::string name, std::string value) {
    remove(name);
    add(std::move(name), std::move(value));
}

void Headers::remove(std::string_view name) {
    std::erase_if(fields_, [&](const Field& f) { return iequals(f.first, name); });
}

std::optional<std::string> Headers::get(std::string_view name) const {
    for (const auto& [n, v] : fields_) {
        if (iequals(n, name)) {
            return v;
        }
    }
    return std::nullopt;
}

std::optional<std::uint64_t> parse_content_length(std::string_view value) {
    if (value.empty()) {
        return std::nullopt;
    }
    constexpr auto most = std::numeric_limits<std::uint64_t>::max();
    std::uint64_t n = 0;
    for (char c : value) {
        if (c < '0' || c > '9') {
            return std::nullopt;
        }
        const auto digit = static_cast<std::uint64_t>(c - '0');
        n = n > (most - digit) / 10 ? most : n * 10 + digit;
    }
    return n;
}

} // namespace cd::net
