// Money as integer fen (1 yuan = 100 fen); never floating point. Display formatting by the
// locale happens in the view; these helpers give the plain, unambiguous form ("1234.50").
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace cd {

struct Money {
    std::int64_t fen = 0;

    static Money from_fen(std::int64_t fen) { return Money{fen}; }
    friend auto operator<=>(const Money&, const Money&) = default;
    Money operator+(Money o) const { return Money{fen + o.fen}; }
    Money operator-(Money o) const { return Money{fen - o.fen}; }
};

// "1234.50", "-0.05": yuan with exactly two decimals.
std::string to_decimal_string(Money m);

// Parses "12", "12.3", "12.30", "-0.05" (at most two decimals, no exponent, no grouping).
std::optional<Money> parse_decimal(std::string_view text);

} // namespace cd
