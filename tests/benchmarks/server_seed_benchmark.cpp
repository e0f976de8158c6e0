// Medians of: building the catalog alone, and a full start() (catalog + schema + seeding a
// fresh in-memory database + binding) followed by stop().
#include "server/catalog_data.h"
#include "server/platform_server.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <vector>

namespace {

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

} // namespace

int main() {
    constexpr int runs = 11;
    std::vector<double> catalog_ms, start_ms, seed_ms;
    std::size_t services = 0;
    for (int i = 0; i < runs; ++i) {
        auto t0 = std::chrono::steady_clock::now();
        auto c = cd::server::build_catalog(20261128);
        catalog_ms.push_back(
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0)
                .count());
        services = c.services.size();

        cd::server::PlatformServer server;
        auto t1 = std::chrono::steady_clock::now();
        auto port = server.start();
        start_ms.push_back(
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t1)
                .count());
        if (!port) {
            std::fprintf(stderr, "start failed\n");
            return 1;
        }
        seed_ms.push_back(server.seed_milliseconds());
        server.stop();
    }
    std::printf("catalog build (%zu services): median %.1f ms over %d runs\n", services,
                median(catalog_ms), runs);
    std::printf("data generation in start() (catalog + database seed): median %.1f ms\n",
                median(seed_ms));
    std::printf("start() total including bind: median %.1f ms\n", median(start_ms));
    return 0;
}
