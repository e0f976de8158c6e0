#include "core/money.h"

#include <limits>

namespace cd {

namespace {

constexpr std::int64_t most = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t least = std::numeric_limits<std::int64_t>::min();

} // namespace

std::optional<Money> checked_add(Money a, Money b) {
    if ((b.fen > 0 && a.fen > most - b.fen) || (b.fen < 0 && a.fen < least - b.fen)) {
        return std::nullopt;
    }
    return Money{a.fen + b.fen};
}

std::optional<Money> checked_sub(Money a, Money b) {
    if ((b.fen < 0 && a.fen > most + b.fen) || (b.fen > 0 && a.fen < least + b.fen)) {
        return std::nullopt;
    }
    return Money{a.fen - b.fen};
}

Money Money::operator+(Money o) const {
    return checked_add(*this, o).value_or(Money{o.fen > 0 ? most : least});
}

Money Money::operator-(Money o) const {
    return checked_sub(*this, o).value_or(Money{o.fen < 0 ? most : least});
}

void MoneyTotal::add(Money m) {
    if (auto sum = checked_add(total_, m)) {
        total_ = *sum;
        return;
    }
    overflowed_ = true;
    total_ = total_ + m; // saturates
}

std::string to_decimal_string(Money m) {
    const bool negative = m.fen < 0;
    // Work in unsigned so that INT64_MIN does not overflow.
    const std::uint64_t abs = negative ? std::uint64_t(0) - static_cast<std::uint64_t>(m.fen)
                                       : static_cast<std::uint64_t>(m.fen);
    std::string out = negative ? "-" : "";
    out += std::to_string(abs / 100);
    out += '.';
    const auto cents = static_cast<unsigned>(abs % 100);
    out += static_cast<char>('0' + cents / 10);
    out += static_cast<char>('0' + cents % 10);
    return out;
}

std::optional<Money> parse_decimal(std::string_view text) {
    bool negative = false;
    if (!text.empty() && (text.front() == '-' || text.front() == '+')) {
        negative = text.front() == '-';
        text.remove_prefix(1);
    }
    if (text.empty()) {
        return std::nullopt;
    }
    const auto dot = text.find('.');
    const std::string_view whole = text.substr(0, dot);
    const std::string_view frac = dot == std::string_view::npos ? "" : text.substr(dot + 1);
    if (whole.empty() || (dot != std::string_view::npos && frac.empty()) || frac.size() > 2) {
        return std::nullopt;
    }
    constexpr std::int64_t limit = std::numeric_limits<std::int64_t>::max() / 100 - 1;
    std::int64_t yuan = 0;
    for (char c : whole) {
        if (c < '0' || c > '9') {
            return std::nullopt;
        }
        yuan = yuan * 10 + (c - '0');
        if (yuan > limit) {
            return std::nullopt;
        }
    }
    std::int64_t cents = 0;
    for (std::size_t i = 0; i < 2; ++i) {
        const char c = i < frac.size() ? frac[i] : '0';
        if (c < '0' || c > '9') {
            return std::nullopt;
        }
        cents = cents * 10 + (c - '0');
    }
    const std::int64_t fen = yuan * 100 + cents;
    return Money{negative ? -fen : fen};
}

} // namespace cd
