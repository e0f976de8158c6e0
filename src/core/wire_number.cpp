#include "core/wire_number.h"

#include <charconv>
#include <cmath>

namespace cd {

std::string format_wire_number(double value, int decimals) {
    if (!std::isfinite(value)) {
        return {};
    }
    char text[512]; // fixed notation of the largest double needs 309 digits before the point
    auto [end, ec] =
        std::to_chars(text, text + sizeof text, value, std::chars_format::fixed, decimals);
    return ec == std::errc() ? std::string(text, end) : std::string();
}

std::optional<double> parse_wire_number(std::string_view text) {
    // A typed "+30.1" is a number too; from_chars takes only a minus sign.
    if (text.size() > 1 && text.front() == '+' && text[1] != '-' && text[1] != '+') {
        text.remove_prefix(1);
    }
    double value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || ec != std::errc() || end != text.data() + text.size() ||
        !std::isfinite(value)) {
        return std::nullopt;
    }
    return value;
}

} // namespace cd
