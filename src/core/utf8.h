// UTF-8 decoding with byte offsets, so text positions found on code points can be reported back
// as byte ranges of the original string (the search highlights names this way).
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace cd::utf8 {

struct CodePoint {
    char32_t value;      // U+FFFD for a malformed sequence (which then spans one byte)
    std::uint32_t begin; // byte offset of the first byte
    std::uint32_t end;   // byte offset just past the last byte
};

std::vector<CodePoint> decode(std::string_view text);

} // namespace cd::utf8
