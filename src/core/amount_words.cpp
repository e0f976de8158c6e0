#include "core/amount_words.h"

#include <array>
#include <cstdint>

namespace cd {

namespace {

// Magnitude of an amount that may be INT64_MIN, which has no positive int64.
std::uint64_t magnitude(std::int64_t fen) {
    return fen < 0 ? std::uint64_t(0) - std::uint64_t(fen) : std::uint64_t(fen);
}

constexpr std::array<const char*, 20> english_small{
    "zero",     "one",     "two",     "three",     "four",     "five",    "six",
    "seven",    "eight",   "nine",    "ten",       "eleven",   "twelve",  "thirteen",
    "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"};
constexpr std::array<const char*, 10> english_tens{"",      "",      "twenty",  "thirty", "forty",
                                                   "fifty", "sixty", "seventy", "eighty", "ninety"};

void append_word(std::string& out, const std::string& word) {
    if (!out.empty()) {
        out += ' ';
    }
    out += word;
}

// 1..999
std::string english_below_thousand(unsigned n) {
    std::string out;
    if (n >= 100) {
        out = std::string(english_small[n / 100]) + " hundred";
        n %= 100;
    }
    if (n >= 20) {
        std::string tens = english_tens[n / 10];
        if (n % 10 != 0) {
            tens += std::string("-") + english_small[n % 10];
        }
        append_word(out, tens);
    } else if (n > 0) {
        append_word(out, english_small[n]);
    }
    return out;
}

std::string english_number(std::uint64_t n) {
    if (n == 0) {
        return "zero";
    }
    static constexpr std::array<const char*, 7> scales{
        "", "thousand", "million", "billion", "trillion", "quadrillion", "quintillion"};
    std::array<unsigned, 7> groups{};
    int count = 0;
    while (n > 0) {
        groups[std::size_t(count++)] = unsigned(n % 1000);
        n /= 1000;
    }
    std::string out;
    for (int g = count - 1; g >= 0; --g) {
        const unsigned part = groups[std::size_t(g)];
        if (part == 0) {
            continue;
        }
        append_word(out, english_below_thousand(part));
        if (g > 0) {
            append_word(out, scales[std::size_t(g)]);
        }
    }
    return out;
}

constexpr std::array<const char*, 10> capital_digits{"零", "壹", "贰", "叁", "肆",
                                                     "伍", "陆", "柒", "捌", "玖"};
constexpr std::array<const char*, 4> capital_units{"", "拾", "佰", "仟"};
// Every fourth digit: 万, 亿, then 万 again (万亿) and 亿 again (亿亿) for the int64 range.
constexpr std::array<const char*, 5> capital_groups{"", "万", "亿", "万", "亿"};

std::string chinese_yuan(std::uint64_t yuan) {
    std::array<int, 20> digits{};
    int count = 0;
    while (yuan > 0) {
        digits[std::size_t(count++)] = int(yuan % 10);
        yuan /= 10;
    }
    std::string out;
    bool zero_pending = false;
    bool group_has_digit = false;
    for (int i = count - 1; i >= 0; --i) {
        const int d = digits[std::size_t(i)];
        if (d == 0) {
            zero_pending = !out.empty();
        } else {
            if (zero_pending) {
                out += capital_digits[0];
                zero_pending = false;
            }
            out += capital_digits[std::size_t(d)];
            out += capital_units[std::size_t(i % 4)];
            group_has_digit = true;
        }
        if (i % 4 == 0) {
            if (group_has_digit) {
                out += capital_groups[std::size_t(i / 4)];
            }
            group_has_digit = false;
        }
    }
    return out;
}

} // namespace

std::string amount_in_english_words(Money amount) {
    const std::uint64_t fen = magnitude(amount.fen);
    const std::uint64_t yuan = fen / 100;
    const unsigned cents = unsigned(fen % 100);
    std::string out = amount.fen < 0 ? "minus" : "";
    if (yuan > 0 || cents == 0) {
        append_word(out, english_number(yuan) + " yuan");
    }
    if (cents > 0) {
        append_word(out, english_below_thousand(cents) + " fen");
    }
    return out;
}

std::string amount_in_chinese_capitals(Money amount) {
    const std::uint64_t fen = magnitude(amount.fen);
    const std::uint64_t yuan = fen / 100;
    const int jiao = int(fen / 10 % 10);
    const int fen_digit = int(fen % 10);
    std::string out = amount.fen < 0 ? "负" : "";
    if (yuan > 0) {
        out += chinese_yuan(yuan) + "元";
    } else if (jiao == 0 && fen_digit == 0) {
        out += "零元";
    }
    if (jiao == 0 && fen_digit == 0) {
        return out + "整";
    }
    if (jiao > 0) {
        out += std::string(capital_digits[std::size_t(jiao)]) + "角";
    } else if (yuan > 0) {
        out += capital_digits[0]; // 壹元零伍分: the missing jiao is read as a zero
    }
    if (fen_digit > 0) {
        out += std::string(capital_digits[std::size_t(fen_digit)]) + "分";
    }
    return out;
}

} // namespace cd
