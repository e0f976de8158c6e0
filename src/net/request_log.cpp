#include "net/request_log.h"

#include <array>

namespace cd::net {

bool query_key_is_harmless(std::string_view key) {
    static constexpr std::array<std::string_view, 9> allowed = {
        "since", "page", "limit", "per_page", "page_size", "offset", "lang", "version", "status"};
    for (auto a : allowed) {
        if (a == key) {
            return true;
        }
    }
    return false;
}

std::string loggable_url(std::string_view url) {
    if (auto scheme = url.find("://"); scheme != std::string_view::npos) {
        url.remove_prefix(scheme + 3);
    }
    if (auto hash = url.find('#'); hash != std::string_view::npos) {
        url = url.substr(0, hash);
    }
    // Credentials in the authority ("user:pw@host") go; only the host and port stay.
    const auto path_start = url.find_first_of("/?");
    const auto authority = url.substr(0, path_start);
    if (auto at = authority.rfind('@'); at != std::string_view::npos) {
        url.remove_prefix(at + 1);
    }
    const auto q = url.find('?');
    std::string out(url.substr(0, q));
    if (q == std::string_view::npos) {
        return out;
    }
    std::string_view query = url.substr(q + 1);
    out += '?';
    bool first = true;
    while (!query.empty()) {
        const auto amp = query.find('&');
        const auto pair = query.substr(0, amp);
        query = amp == std::string_view::npos ? std::string_view{} : query.substr(amp + 1);
        const auto eq = pair.find('=');
        const auto key = pair.substr(0, eq);
        if (!first) {
            out += '&';
        }
        first = false;
        out += key;
        if (eq != std::string_view::npos) {
            out += '=';
            out += query_key_is_harmless(key) ? std::string(pair.substr(eq + 1)) : "***";
        }
    }
    return out;
}

std::string format_request_id(std::uint64_t bits) {
    static constexpr char digits[] = "0123456789abcdef";
    std::string out(16, '0');
    for (int i = 15; i >= 0; --i) {
        out[static_cast<std::size_t>(i)] = digits[bits & 0xF];
        bits >>= 4;
    }
    return out;
}

} // namespace cd::net
