#include "core/resident_id.h"

#include <array>

namespace cd {
namespace {

bool all_digits(std::string_view s) {
    for (char c : s) {
        if (c < '0' || c > '9') {
            return false;
        }
    }
    return true;
}

int number(std::string_view digits) {
    int n = 0;
    for (char c : digits) {
        n = n * 10 + (c - '0');
    }
    return n;
}

bool is_real_date(int year, int month, int day) {
    if (year < 1800 || month < 1 || month > 12 || day < 1) {
        return false;
    }
    static constexpr std::array<int, 12> days{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    const int max_day = month == 2 && leap ? 29 : days[static_cast<std::size_t>(month - 1)];
    return day <= max_day;
}

} // namespace

char resident_id_check_char(std::string_view first17) {
    if (first17.size() != 17 || !all_digits(first17)) {
        return '\0';
    }
    // Weights are 2^(17-i) mod 11 for positions i = 0..16 (ISO 7064 MOD 11-2).
    static constexpr std::array<int, 17> weights{7, 9, 10, 5,  8, 4, 2, 1, 6,
                                                 3, 7, 9,  10, 5, 8, 4, 2};
    static constexpr std::string_view check_chars = "10X98765432";
    int sum = 0;
    for (std::size_t i = 0; i < 17; ++i) {
        sum += (first17[i] - '0') * weights[i];
    }
    return check_chars[static_cast<std::size_t>(sum % 11)];
}

ResidentIdCheck check_resident_id(std::string_view id) {
    if (id.size() != 18) {
        return ResidentIdCheck::wrong_length;
    }
    const char last = id[17];
    if (!all_digits(id.substr(0, 17)) ||
        !((last >= '0' && last <= '9') || last == 'X' || last == 'x')) {
        return ResidentIdCheck::not_digits;
    }
    if (!is_real_date(number(id.substr(6, 4)), number(id.substr(10, 2)),
                      number(id.substr(12, 2)))) {
        return ResidentIdCheck::bad_birth_date;
    }
    const char expected = resident_id_check_char(id.substr(0, 17));
    const char given = last == 'x' ? 'X' : last;
    return given == expected ? ResidentIdCheck::valid : ResidentIdCheck::bad_checksum;
}

} // namespace cd
