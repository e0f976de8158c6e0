#include "server/gzip_body.h"

#include <zlib.h>

#include <stdexcept>

namespace cd::server {
namespace {

struct Token {
    std::string_view name;
    bool refused; // q=0
};

template <class F> void for_each_token(std::string_view header, F f) {
    while (!header.empty()) {
        auto comma = header.find(',');
        auto item = header.substr(0, comma);
        auto semi = item.find(';');
        auto name = item.substr(0, semi);
        while (!name.empty() && (name.front() == ' ' || name.front() == '\t')) {
            name.remove_prefix(1);
        }
        while (!name.empty() && (name.back() == ' ' || name.back() == '\t')) {
            name.remove_suffix(1);
        }
        bool refused = false;
        if (semi != std::string_view::npos) {
            auto params = item.substr(semi + 1);
            auto q = params.find("q=");
            if (q != std::string_view::npos) {
                auto value = params.substr(q + 2);
                refused = value.find_first_not_of("0. ") != std::string_view::npos ? false : true;
            }
        }
        f(Token{name, refused}, item);
        if (comma == std::string_view::npos) {
            break;
        }
        header.remove_prefix(comma + 1);
    }
}

} // namespace

std::string gzip(std::string_view data) {
    z_stream zs{};
    // 15 + 16: a gzip header and trailer rather than a bare zlib stream.
    if (deflateInit2(&zs, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) !=
        Z_OK) {
        throw std::runtime_error("deflateInit2 failed");
    }
    std::string out;
    out.resize(deflateBound(&zs, static_cast<uLong>(data.size())));
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    zs.avail_in = static_cast<uInt>(data.size());
    zs.next_out = reinterpret_cast<Bytef*>(out.data());
    zs.avail_out = static_cast<uInt>(out.size());
    int rc = deflate(&zs, Z_FINISH);
    deflateEnd(&zs);
    if (rc != Z_STREAM_END) {
        throw std::runtime_error("deflate failed");
    }
    out.resize(zs.total_out);
    return out;
}

bool accepts_gzip(std::string_view accept_encoding) {
    bool ok = false;
    for_each_token(accept_encoding, [&](Token t, std::string_view) {
        if ((t.name == "gzip" || t.name == "x-gzip" || t.name == "*") && !t.refused) {
            ok = true;
        }
    });
    return ok;
}

std::string without_brotli(std::string_view accept_encoding) {
    std::string out;
    for_each_token(accept_encoding, [&](Token t, std::string_view item) {
        if (t.name == "br") {
            return;
        }
        if (!out.empty()) {
            out += ',';
        }
        out += item;
    });
    return out;
}

} // namespace cd::server
