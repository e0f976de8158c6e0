// libFuzzer target: the vault's timestamps. The ledger pages by comparing them as text, so
// the parser must accept exactly the canonical form: anything it accepts prints back unchanged.
#include "store/utc_time.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto t = cd::store::parse_utc_iso8601(text);
    if (!t) {
        return 0;
    }
    if (cd::store::to_utc_iso8601(*t) != text) {
        std::abort(); // accepted a second spelling of an instant: text order != time order
    }
    if (cd::store::compact_utc_stamp(*t).size() != 16) {
        std::abort();
    }
    return 0;
}
