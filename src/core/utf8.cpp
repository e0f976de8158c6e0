#include "core/utf8.h"

namespace cd::utf8 {

std::vector<CodePoint> decode(std::string_view text) {
    std::vector<CodePoint> out;
    out.reserve(text.size());
    std::size_t i = 0;
    while (i < text.size()) {
        const auto lead = static_cast<unsigned char>(text[i]);
        std::size_t len = lead < 0x80                   ? 1
                          : lead >= 0xF0 && lead < 0xF5 ? 4
                          : lead >= 0xE0                ? 3
                          : lead >= 0xC2 && lead < 0xE0 ? 2
                                                        : 0;
        char32_t value = len == 1   ? lead
                         : len == 2 ? lead & 0x1Fu
                         : len == 3 ? lead & 0x0Fu
                                    : lead & 0x07u;
        bool ok = len != 0 && i + len <= text.size();
        for (std::size_t k = 1; ok && k < len; ++k) {
            const auto c = static_cast<unsigned char>(text[i + k]);
            ok = (c & 0xC0u) == 0x80u;
            value = (value << 6) | (c & 0x3Fu);
        }
        // Overlong three- and four-byte forms, surrogates and values past U+10FFFF are malformed.
        ok = ok && !(len == 3 && value < 0x800) &&
             !(len == 4 && (value < 0x10000 || value > 0x10FFFF)) &&
             !(value >= 0xD800 && value <= 0xDFFF);
        if (!ok) {
            value = 0xFFFD;
            len = 1;
        }
        out.push_back({value, static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(i + len)});
        i += len;
    }
    return out;
}

} // namespace cd::utf8
