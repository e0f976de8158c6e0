// How the HTTP client behaves: timeouts, retries, limits, TLS trust, proxy, conditional requests.
// TLS verification is always on; there is deliberately no setting to turn it off.
#pragma once

#include "net/etag_cache.h"
#include "net/http_client.h"
#include "net/retry_policy.h"

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>

namespace cd::net {

// An explicit proxy from the settings. Without one, libcurl reads http_proxy, https_proxy,
// all_proxy and no_proxy from the environment. The credentials are never logged.
struct ProxySettings {
    std::string url; // "http://proxy.example:3128" or "socks5h://proxy.example:1080"
    std::string username;
    std::string password;
};

// What the retry observer is told before each scheduled retry.
struct RetryEvent {
    std::string request_id;
    int failed_attempt = 0; // 1 = the first attempt failed
    std::chrono::milliseconds delay{0};
    std::string reason; // "backoff" or "Retry-After"
};

struct HttpClientConfig {
    Timeouts timeouts;
    RetryPolicy retry;
    std::size_t max_body_bytes = 32u * 1024u * 1024u; // a larger answer is refused
    std::string user_agent = "CitizenDesk";

    // A PEM file of extra trusted CAs (a city's private CA, the test server). It is ADDED to
    // the default bundle: the client loads the default bundle and this file into one in-memory
    // blob (CURLOPT_CAINFO_BLOB), because CURLOPT_CAINFO alone would replace the default.
    // On Windows the system store is also used (CURLSSLOPT_NATIVE_CA).
    std::filesystem::path extra_ca_file;

    std::optional<ProxySettings> proxy;
    // Hosts reached without any proxy ("localhost,127.0.0.1,.city.example"); empty = libcurl's
    // default (the no_proxy environment variable).
    std::string no_proxy;

    // Conditional GETs for requests marked cacheable; none = no If-None-Match.
    std::shared_ptr<EtagCache> etag_cache;

    // Jitter source for backoff, uniform in [0,1); default: a seeded Mersenne twister.
    UniformRandom random;
    // Told about each retry before it waits (diagnostics, tests).
    std::function<void(const RetryEvent&)> on_retry;
};

} // namespace cd::net
