#include "core/phone_number.h"

namespace cd {

std::optional<std::string> normalize_mobile_number(std::string_view text) {
    while (!text.empty() && text.front() == ' ') {
        text.remove_prefix(1);
    }
    while (!text.empty() && text.back() == ' ') {
        text.remove_suffix(1);
    }
    if (text.starts_with("+86")) {
        text.remove_prefix(3);
    } else if (text.starts_with("0086")) {
        text.remove_prefix(4);
    }
    std::string digits;
    for (char c : text) {
        if (c >= '0' && c <= '9') {
            digits += c;
        } else if (c != ' ' && c != '-') {
            return std::nullopt;
        }
    }
    if (digits.size() != 11 || digits[0] != '1' || digits[1] < '3') {
        return std::nullopt;
    }
    return digits;
}

} // namespace cd
