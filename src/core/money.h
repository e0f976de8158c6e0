// Money as integer fen (1 yuan = 100 fen); never floating point. Display formatting by the
// locale happens in the view; these helpers give the plain, unambiguous form ("1234.50").
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace cd {

// The largest amount one bill, payment, receipt, fee or total from the platform may carry:
// 10^12 fen, ten billion yuan. No citizen's bill comes near it, and nine million such amounts
// still add up inside int64. The api layer refuses anything above it (or below zero) as a
// protocol error naming the field.
inline constexpr std::int64_t max_amount_fen = 1'000'000'000'000;

struct Money {
    std::int64_t fen = 0;

    static Money from_fen(std::int64_t fen) { return Money{fen}; }
    friend auto operator<=>(const Money&, const Money&) = default;
    // Saturating: past the int64 range the result stops at the largest (or smallest) value
    // instead of wrapping (undefined behaviour, and "-0.02" on screen). Where an overflow must
    // be noticed, use checked_add or MoneyTotal.
    Money operator+(Money o) const;
    Money operator-(Money o) const;
};

// nullopt when the exact result does not fit in int64.
std::optional<Money> checked_add(Money a, Money b);
std::optional<Money> checked_sub(Money a, Money b);

// A running sum that notices overflow: it saturates and remembers that it did, so a screen
// can say the total is not exact instead of showing a wrapped number.
class MoneyTotal {
public:
    void add(Money m);
    Money value() const { return total_; }
    bool overflowed() const { return overflowed_; }

private:
    Money total_;
    bool overflowed_ = false;
};

// "1234.50", "-0.05": yuan with exactly two decimals.
std::string to_decimal_string(Money m);

// Parses "12", "12.3", "12.30", "-0.05" (at most two decimals, no exponent, no grouping).
std::optional<Money> parse_decimal(std::string_view text);

} // namespace cd
