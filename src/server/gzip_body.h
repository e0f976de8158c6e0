// gzip for the catalog: the full catalog is compressed once at start and served as stored
// bytes, instead of cpp-httplib compressing ~3 MB again on every request.
#pragma once

#include <string>
#include <string_view>

namespace cd::server {

// RFC 1952 gzip of `data` (zlib, default level).
std::string gzip(std::string_view data);

// Whether an Accept-Encoding header admits gzip (a "gzip" or "*" token not given q=0).
bool accepts_gzip(std::string_view accept_encoding);

// The same header without brotli: cpp-httplib prefers "br", and its brotli runs at the
// slowest quality (over ten seconds for the catalog), so the server offers gzip only.
std::string without_brotli(std::string_view accept_encoding);

} // namespace cd::server
