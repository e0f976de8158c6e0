// The 18-character resident identity number of GB 11643-1999: 6-digit region code,
// 8-digit birth date, 3-digit sequence, and an ISO 7064 MOD 11-2 check character (0-9 or X).
#pragma once

#include <string_view>

namespace cd {

enum class ResidentIdCheck {
    valid,
    wrong_length,   // not 18 characters
    not_digits,     // a character other than a digit (or X in the last place)
    bad_birth_date, // positions 7-14 are not a real calendar date
    bad_checksum,   // the check character does not match the first 17 digits
};

ResidentIdCheck check_resident_id(std::string_view id);
inline bool is_valid_resident_id(std::string_view id) {
    return check_resident_id(id) == ResidentIdCheck::valid;
}

// The check character ('0'-'9' or 'X') for the first 17 digits; '\0' if they are not digits.
char resident_id_check_char(std::string_view first17);

} // namespace cd
