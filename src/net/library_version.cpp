#include "net/library_version.h"

#include <curl/curl.h>

namespace cd::net {

std::string curl_version_description() {
    const curl_version_info_data* info = curl_version_info(CURLVERSION_NOW);
    std::string out = "libcurl ";
    out += info->version;
    std::string features;
    auto add = [&features](const char* name) {
        features += features.empty() ? "" : ", ";
        features += name;
    };
    if (info->ssl_version != nullptr) {
        add(info->ssl_version);
    }
    if ((info->features & CURL_VERSION_HTTP2) != 0) {
        add("HTTP/2");
    }
    if ((info->features & CURL_VERSION_BROTLI) != 0) {
        add("brotli");
    }
    if ((info->features & CURL_VERSION_ZSTD) != 0) {
        add("zstd");
    }
    if ((info->features & CURL_VERSION_LIBZ) != 0) {
        add("gzip");
    }
    if (!features.empty()) {
        out += " (" + features + ")";
    }
    return out;
}

} // namespace cd::net
