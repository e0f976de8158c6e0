// Toneless Mandarin readings of Han characters, from a table generated out of Unicode's Unihan
// data (pinyin/generate_pinyin_table.py). Used by the catalog search to match pinyin input.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace cd::pinyin {

// Every reading of a CJK Unified Ideograph (basic block or Extension A), preferred reading
// first, lowercase ASCII without tones, u-umlaut written "v" (绿: "lv", then "lu"). Empty for
// anything else.
std::vector<std::string_view> readings(char32_t code_point);

// The same readings as syllable numbers (for compact storage); returns how many were written.
inline constexpr std::size_t max_readings = 8;
std::size_t reading_ids(char32_t code_point, std::uint16_t (&out)[max_readings]);

// The syllable text of a number from reading_ids().
std::string_view syllable(std::uint16_t id);

} // namespace cd::pinyin
