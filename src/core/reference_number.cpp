#include "core/reference_number.h"

#include <cctype>

namespace cd {

std::string readable_reference(std::string_view id) {
    std::string plain;
    for (char c : id) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '-') {
            continue; // an existing grouping is replaced by ours
        }
        if (u >= 0x80 || !std::isalnum(u)) {
            return std::string(id);
        }
        plain += static_cast<char>(std::toupper(u));
    }
    std::size_t prefix = 0;
    while (prefix < plain.size() && std::isalpha(static_cast<unsigned char>(plain[prefix]))) {
        ++prefix;
    }
    if (plain.empty() || prefix == plain.size()) {
        return plain.empty() ? std::string(id) : plain;
    }
    std::string out = plain.substr(0, prefix);
    for (std::size_t i = prefix; i < plain.size(); i += 4) {
        if (!out.empty()) {
            out += ' ';
        }
        out += plain.substr(i, 4);
    }
    return out;
}

} // namespace cd
