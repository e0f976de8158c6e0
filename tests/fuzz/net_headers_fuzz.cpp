// libFuzzer target: the header values the client acts on by itself (RFC 9110): Retry-After,
// HTTP dates, Content-Length and field names. Retry-After decides how long the app waits, so
// a hostile server must not make it wait beyond a day or a negative time; an HTTP date must
// mean the same instant both ways it is used; a Content-Length is a number or nothing. Goes
// through the public functions only, whatever parses the date inside them.
#include "net/headers.h"
#include "net/retry_policy.h"

#include <cctype>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

namespace {

using std::chrono::seconds;

bool all_digits(std::string_view s) {
    return !s.empty() && s.find_first_not_of("0123456789") == std::string_view::npos;
}

bool trimmed(std::string_view s) {
    return !s.empty() && !std::isspace(static_cast<unsigned char>(s.front())) &&
           !std::isspace(static_cast<unsigned char>(s.back()));
}

void require(bool holds) {
    if (!holds) {
        std::abort(); // libFuzzer saves the input that broke the rule
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    // A fixed "now" (2026-11-28T12:00:00Z) keeps every run of an input the same.
    const std::chrono::system_clock::time_point now{seconds{1795867200}};

    if (const auto wait = cd::net::parse_retry_after(text, now)) {
        require(*wait >= seconds{0} && *wait <= seconds{24 * 3600});
    }
    if (const auto when = cd::net::parse_http_date(text);
        when && trimmed(text) && !all_digits(text)) {
        // The date as Retry-After, read at that very instant and ten seconds before it.
        const auto at_once = cd::net::parse_retry_after(text, *when);
        require(at_once && *at_once == seconds{0});
        const auto before = cd::net::parse_retry_after(text, *when - seconds{10});
        require(before && *before == seconds{10});
    }

    // Content-Length: digits only, the number they spell (saturated past 64 bits).
    if (const auto length = cd::net::parse_content_length(text)) {
        require(all_digits(text));
        if (size <= 19) {
            require(*length == std::stoull(std::string(text)));
        } else if (text.find_first_not_of('0') != std::string_view::npos &&
                   size - text.find_first_not_of('0') > 20) {
            require(*length == UINT64_MAX);
        }
    } else {
        require(!all_digits(text));
    }

    // Field names are case-insensitive: whatever the name, set() then get() finds the value
    // under any spelling of it, and add() keeps the first value.
    const auto colon = text.find(':');
    const std::string name(text.substr(0, colon == std::string_view::npos ? size : colon));
    const std::string value(colon == std::string_view::npos ? "" : text.substr(colon + 1));
    cd::net::Headers h;
    h.add(name, "first");
    h.set(name, value);
    std::string shouted = name;
    for (char& c : shouted) {
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    require(h.get(shouted) == value);
    h.add(shouted, "second");
    require(h.get(name) == value);
    h.remove(name);
    require(!h.contains(shouted));
    return 0;
}
