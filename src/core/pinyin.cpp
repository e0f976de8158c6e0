#include "core/pinyin.h"

#include <algorithm>
#include <iterator>

namespace cd::pinyin {
namespace {
#include "core/pinyin/pinyin_table.inc"

static_assert(kPinyinMaxReadings <= max_readings);
} // namespace

std::size_t reading_ids(char32_t code_point, std::uint16_t (&out)[max_readings]) {
    if (code_point < kPinyinFirstCodePoint || code_point > kPinyinLastCodePoint) {
        return 0;
    }
    const std::uint16_t first = kPinyinFirst[code_point - kPinyinFirstCodePoint];
    if ((first & 0x3FFu) == 0) {
        return 0;
    }
    std::size_t n = 0;
    out[n++] = static_cast<std::uint16_t>((first & 0x3FFu) - 1);
    if ((first & 0x8000u) != 0) {
        const auto key = static_cast<std::uint32_t>(code_point);
        auto it =
            std::lower_bound(std::begin(kPinyinExtra), std::end(kPinyinExtra), key,
                             [](std::uint32_t v, std::uint32_t cp) { return (v >> 16) < cp; });
        for (; it != std::end(kPinyinExtra) && (*it >> 16) == key && n < max_readings; ++it) {
            out[n++] = static_cast<std::uint16_t>(*it & 0xFFFFu);
        }
    }
    return n;
}

std::string_view syllable(std::uint16_t id) {
    return id < std::size(kPinyinSyllables) ? kPinyinSyllables[id] : std::string_view{};
}

std::vector<std::string_view> readings(char32_t code_point) {
    std::uint16_t ids[max_readings];
    const std::size_t n = reading_ids(code_point, ids);
    std::vector<std::string_view> out;
    out.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
        out.push_back(syllable(ids[i]));
    }
    return out;
}

} // namespace cd::pinyin
