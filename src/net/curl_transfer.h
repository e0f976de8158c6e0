// One logical request inside CurlHttpClient: its easy handle, the answer being received, and
// the state kept across attempts. Private to net (includes curl).
#pragma once

#include "net/etag_cache.h"
#include "net/http_client.h"
#include "net/http_config.h"

#include <curl/curl.h>

#include <chrono>
#include <memory>
#include <optional>
#include <string>

namespace cd::net::detail {

// The settings in force when an attempt starts, with the CA blob already loaded.
struct ClientSettings {
    HttpClientConfig config;
    std::string ca_blob;              // default bundle + extra CA file, when one is configured
    std::optional<Error> setup_error; // e.g. the extra CA file cannot be read
};

ClientSettings load_settings(HttpClientConfig config);

struct Transfer {
    RequestId id = 0;
    Request request;
    Callback callback;
    std::string request_id; // X-Request-ID, the same for every attempt
    std::chrono::steady_clock::time_point started;
    int attempt = 0;
    std::optional<std::chrono::steady_clock::time_point> due; // waiting to retry
    std::optional<CachedEntity> cached;
    // Where the next attempt goes: request.url, or a same-origin GET redirect's target.
    std::string target;
    int redirects_followed = 0;
    bool following_redirect = false; // the next prepare_attempt is not a new attempt

    std::shared_ptr<const ClientSettings> settings; // of the current attempt
    CURL* easy = nullptr;
    curl_slist* header_list = nullptr;
    char error_buffer[CURL_ERROR_SIZE] = {};

    // The answer of the current attempt.
    Response response;
    bool body_too_large = false;

    Transfer() = default;
    Transfer(const Transfer&) = delete;
    Transfer& operator=(const Transfer&) = delete;
    ~Transfer() { release(); }

    // Builds the easy handle for the next attempt; an Error when it cannot be built.
    std::optional<Error> prepare_attempt(std::shared_ptr<const ClientSettings> current);
    void release();
};

// The typed Error for a failed transfer (curl result plus what the callbacks saw).
Error error_from_curl(CURLcode code, const Transfer& transfer);

// Redirects are followed here, not by libcurl: only a GET or HEAD, only within the origin
// (scheme, host, port) of the request's URL, at most max_redirects times.
inline constexpr int max_redirects = 5;

// scheme://host:port of an absolute http(s) URL, lowercase, the port made explicit; nothing for
// anything else.
std::optional<std::string> origin_of(const std::string& url);

// What to do with a 3xx answer whose Location resolved to `location`: nothing when it may be
// followed, else the Error the request ends with.
std::optional<Error> refuse_redirect(const Transfer& transfer, int status,
                                     const std::string& location);

} // namespace cd::net::detail
