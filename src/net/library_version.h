// What libcurl this build runs with, for --diagnose and the diagnostics report.
#pragma once

#include <string>

namespace cd::net {

// "libcurl 7.88.1 (OpenSSL/3.0.x; HTTP/2, brotli, zstd)"
std::string curl_version_description();

} // namespace cd::net
