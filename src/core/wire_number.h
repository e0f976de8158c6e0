// Numbers that travel between programs (URLs, forms, JSON text, Open311 fields, the command
// line) are written and read with '.' as the decimal point, whatever locale the app runs in.
// The app calls setlocale(LC_ALL, ""), after which printf("%f"), strtod, stod and istringstream
// follow the citizen's locale: under de_DE they write and expect "30,27". std::to_chars and
// std::from_chars never look at the locale.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace cd {

// Fixed notation with `decimals` digits after the point: format_wire_number(30.2741, 7) ==
// "30.2741000". Empty for NaN or infinity, which no wire format here can carry.
std::string format_wire_number(double value, int decimals);

// The whole text as a finite number: "30.27", "-0.5", "+1", "1e3". Nothing for "30,27",
// " 1", "1x", "", "inf", "nan" or a value out of double's range.
std::optional<double> parse_wire_number(std::string_view text);

} // namespace cd
