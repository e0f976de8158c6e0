// libFuzzer target: money typed by the citizen or sent by the platform. Whatever parses must
// print in the plain two-decimal form and parse back to the same number of fen.
#include "core/money.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto m = cd::parse_decimal(text);
    if (!m) {
        return 0;
    }
    const std::string shown = cd::to_decimal_string(*m);
    const auto dot = shown.find('.');
    if (dot == std::string::npos || shown.size() - dot != 3) {
        std::abort(); // not exactly two decimals
    }
    const auto again = cd::parse_decimal(shown);
    if (!again || again->fen != m->fen) {
        std::abort(); // the printed amount means another amount
    }
    return 0;
}
