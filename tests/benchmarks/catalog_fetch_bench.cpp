// Fetching the full catalog from the in-process reference server with PlatformClient over the
// real CurlHttpClient: cold (new client, empty EtagCache: connect, transfer, decompress, parse),
// a 304 answered from the EtagCache (the cached body is parsed again), and a 304 to the caller's
// own ETag (nothing to parse). Medians of N runs; body bytes as the client counts them
// (decompressed), and the gzip'd size on the wire measured once with a plain HTTP client.
#include "api/platform_client.h"
#include "net/curl_http_client.h"
#include "server/platform_server.h"

#include <httplib.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <future>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

double ms_since(Clock::time_point t0) {
    return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

cd::Result<cd::api::CatalogFetch> fetch(cd::api::PlatformClient& client,
                                        const cd::api::CatalogQuery& query) {
    std::promise<cd::Result<cd::api::CatalogFetch>> done;
    auto future = done.get_future();
    client.catalog(query,
                   [&done](cd::Result<cd::api::CatalogFetch> r) { done.set_value(std::move(r)); });
    return future.get();
}

struct Figures {
    std::vector<double> ms;
    std::vector<double> bytes;
};

} // namespace

int main() {
    constexpr int runs = 15;
    cd::net::global_init();
    cd::server::PlatformServer server;
    auto port = server.start();
    if (!port) {
        std::fprintf(stderr, "server did not start: %s\n", port.error().log_line().c_str());
        return 1;
    }
    cd::net::HttpClientConfig config;
    config.no_proxy = "*";

    Figures cold, cached, not_modified;
    std::size_t services = 0;
    for (int i = 0; i < runs; ++i) {
        config.etag_cache = std::make_shared<cd::net::MemoryEtagCache>();
        auto http = std::make_shared<cd::net::CurlHttpClient>(config);
        cd::api::PlatformClient client(http, {server.base_url(), {}});

        auto t0 = Clock::now();
        auto full = fetch(client, {});
        cold.ms.push_back(ms_since(t0));
        if (!full || !full->catalog) {
            std::fprintf(stderr, "catalog fetch failed\n");
            return 1;
        }
        cold.bytes.push_back(static_cast<double>(full->bytes));
        services = full->catalog->services.size();

        auto t1 = Clock::now();
        auto again = fetch(client, {});
        cached.ms.push_back(ms_since(t1));
        if (!again || !again->from_cache) {
            std::fprintf(stderr, "second fetch was not a 304 from the cache\n");
            return 1;
        }
        cached.bytes.push_back(static_cast<double>(again->bytes));

        auto t2 = Clock::now();
        auto same = fetch(client, {0, full->catalog->etag});
        not_modified.ms.push_back(ms_since(t2));
        if (!same || !same->not_modified) {
            std::fprintf(stderr, "the caller's ETag did not give not_modified\n");
            return 1;
        }
        not_modified.bytes.push_back(static_cast<double>(same->bytes));
    }

    httplib::Client plain("127.0.0.1", *port);
    plain.set_decompress(false);
    auto wire = plain.Get("/v1/catalog", {{"Accept-Encoding", "gzip"}});
    const std::size_t gzip_bytes = wire ? wire->body.size() : 0;

    std::printf("catalog: %zu services, medians of %d runs\n", services, runs);
    std::printf("cold fetch + parse:            %8.1f ms, %9.0f body bytes (%zu gzip'd on the "
                "wire)\n",
                median(cold.ms), median(cold.bytes), gzip_bytes);
    std::printf("304 from the EtagCache + parse: %8.1f ms, %9.0f body bytes received\n",
                median(cached.ms), median(cached.bytes));
    std::printf("304 to the caller's ETag:       %8.1f ms, %9.0f body bytes received\n",
                median(not_modified.ms), median(not_modified.bytes));
    server.stop();
    return 0;
}
