// Mainland China mobile numbers: 11 digits starting 13-19, optionally written with a +86 / 0086
// prefix and with spaces or dashes as 3-4-4 groups.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace cd {

// The bare 11 digits if the text is a mainland mobile number, otherwise nothing.
std::optional<std::string> normalize_mobile_number(std::string_view text);

inline bool is_valid_mobile_number(std::string_view text) {
    return normalize_mobile_number(text).has_value();
}

} // namespace cd
