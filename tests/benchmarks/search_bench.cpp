// Builds the catalog search index over the reference server's seeded catalog (~10,400
// services) and times it, then times realistic queries by class. Also checks that a few
// queries find what a citizen would expect (exit code 1 when not), since this is the one place
// the index meets the real catalog.
#include "core/catalog_index.h"
#include "server/catalog_data.h"
#include "server/catalog_lists.h"

#include <algorithm>
#if defined(__GLIBC__)
#include <malloc.h>
#endif
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <string>
#include <string_view>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

// CPU time of this thread: what a query costs, without the time the (shared) machine gave to
// other processes in between.
double thread_cpu_ms() {
#if defined(CLOCK_THREAD_CPUTIME_ID)
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
#else
    return 0.0;
#endif
}

double ms_since(Clock::time_point t0) {
    return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

double percentile(std::vector<double> v, double p) {
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, static_cast<std::size_t>(p * static_cast<double>(v.size())))];
}

// The catalog as the app would hand it to the index: life events by their display names.
std::vector<cd::CatalogEntry> entries_of(const cd::server::Catalog& catalog) {
    namespace lists = cd::server::lists;
    std::vector<cd::CatalogEntry> out;
    out.reserve(catalog.services.size());
    for (const auto& s : catalog.services) {
        cd::CatalogEntry e{
            s.id,
            s.kind == "government" ? cd::ServiceKind::government : cd::ServiceKind::convenience,
            s.name.zh,
            s.name.en,
            s.keywords,
            {}};
        for (const auto& id : s.life_events) {
            for (std::size_t i = 0; i < lists::life_event_count; ++i) {
                if (id == lists::life_events[i].id) {
                    e.life_events.emplace_back(lists::life_events[i].zh);
                    e.life_events.emplace_back(lists::life_events[i].en);
                }
            }
        }
        out.push_back(std::move(e));
    }
    return out;
}

struct QueryClass {
    const char* name;
    std::vector<const char*> queries;
};

const std::vector<QueryClass>& query_classes() {
    static const std::vector<QueryClass> classes = {
        {"chinese", {"社保", "居住证", "营业厅", "自来水", "和平路", "身份证", "护照", "公积金"}},
        {"pinyin",
         {"shebao", "juzhuzheng", "yingyeting", "zilaishui", "hepinglu", "shenfenzheng", "huzhao",
          "gongjijin"}},
        {"initials", {"sbk", "jzz", "yyt", "zls", "hpl", "sfz", "hz", "gjj"}},
        {"english",
         {"water", "passport", "residence permit", "bill payment", "driving licence", "heping road",
          "Social Security", "repair"}},
        {"mixed/spaced", {"社保 ka", "she bao", "自来水 yyt", "jiaotong 违法", "ju zhu zheng"}},
        {"one character", {"卡", "s", "水", "z", "x", "证"}},
        {"no match", {"xyzq", "税务局长", "qqqq", "zzzzzz", "nonexistent"}},
    };
    return classes;
}

// A query finds what a citizen expects among its first results.
bool expect(const cd::CatalogIndex& index, const char* query, std::string_view wanted,
            std::size_t within) {
    const auto r = index.search(query, within);
    for (const auto& hit : r.hits) {
        const auto& e = index.entries()[hit.entry];
        bool found = e.name_zh.find(wanted) != std::string::npos;
        for (const auto& k : e.keywords) {
            found = found || k.find(wanted) != std::string::npos;
        }
        if (found) {
            return true;
        }
    }
    std::printf("CHECK FAILED: \"%s\" has no \"%.*s\" service in its first %zu results\n", query,
                static_cast<int>(wanted.size()), wanted.data(), within);
    return false;
}

} // namespace

// Resident memory in KiB (Linux; 0 elsewhere), after handing freed memory back to the system.
long rss_kib() {
#if defined(__GLIBC__)
    malloc_trim(0);
#endif
    long kib = 0;
    if (std::FILE* f = std::fopen("/proc/self/status", "r")) {
        char line[256];
        while (std::fgets(line, sizeof line, f)) {
            if (std::sscanf(line, "VmRSS: %ld", &kib) == 1) {
                break;
            }
        }
        std::fclose(f);
    }
    return kib;
}

void show(const cd::CatalogIndex& index, const char* query, std::size_t n) {
    const auto r = index.search(query, n);
    std::printf("\"%s\": %zu matches\n", query, r.total);
    for (const auto& hit : r.hits) {
        const auto& e = index.entries()[hit.entry];
        std::string zh = e.name_zh;
        for (auto it = hit.name_zh.rbegin(); it != hit.name_zh.rend(); ++it) {
            zh.insert(it->end, "]").insert(it->begin, "[");
        }
        std::printf("  %-7s tier %d  %s | %s\n", e.id.c_str(), static_cast<int>(hit.tier),
                    zh.c_str(), e.name_en.c_str());
    }
}

// Arguments, if any, are queries to show the first ten results of (with [highlights]).
int main(int argc, char** argv) {
    const auto catalog = cd::server::build_catalog(20261128);
    const auto entries = entries_of(catalog);
    if (argc > 1) {
        const cd::CatalogIndex index(entries);
        for (int i = 1; i < argc; ++i) {
            show(index, argv[i], 10);
        }
        return 0;
    }

    long index_kib = 0;
    {
        auto copy = entries;
        const long before = rss_kib();
        const cd::CatalogIndex first(std::move(copy));
        index_kib = rss_kib() - before; // the entries moved in are counted before
    }
    std::vector<double> build_ms;
    cd::CatalogIndex index;
    for (int i = 0; i < 7; ++i) {
        auto copy = entries;
        const auto t0 = Clock::now();
        cd::CatalogIndex built(std::move(copy));
        build_ms.push_back(ms_since(t0));
        index = std::move(built);
    }
    std::printf("index build over %zu services: median %.1f ms (7 runs); resident memory "
                "+%ld KiB\n",
                entries.size(), percentile(build_ms, 0.5), index_kib);

    constexpr int rounds = 200;
    std::vector<double> all, all_cpu;
    std::printf("%-14s %8s %8s %8s | %8s %8s | %7s  (ms per query; %d rounds; limit 50)\n", "class",
                "median", "p99", "max", "cpu med", "cpu p99", "matches", rounds);
    for (const auto& c : query_classes()) {
        std::vector<double> times, cpu;
        std::size_t hits = 0;
        for (int round = 0; round < rounds; ++round) {
            for (const char* q : c.queries) {
                const double c0 = thread_cpu_ms();
                const auto t0 = Clock::now();
                const auto r = index.search(q, 50);
                times.push_back(ms_since(t0));
                cpu.push_back(thread_cpu_ms() - c0);
                hits += round == 0 ? r.total : 0;
            }
        }
        all.insert(all.end(), times.begin(), times.end());
        all_cpu.insert(all_cpu.end(), cpu.begin(), cpu.end());
        std::printf("%-14s %8.3f %8.3f %8.3f | %8.3f %8.3f | %7zu\n", c.name,
                    percentile(times, 0.5), percentile(times, 0.99), percentile(times, 1.0),
                    percentile(cpu, 0.5), percentile(cpu, 0.99), hits);
    }
    std::printf("%-14s %8.3f %8.3f %8.3f | %8.3f %8.3f\n", "all", percentile(all, 0.5),
                percentile(all, 0.99), percentile(all, 1.0), percentile(all_cpu, 0.5),
                percentile(all_cpu, 0.99));
    if (std::getenv("SEARCH_BENCH_PER_QUERY")) {
        for (const auto& c : query_classes()) {
            for (const char* q : c.queries) {
                std::vector<double> cpu;
                for (int round = 0; round < 50; ++round) {
                    const double c0 = thread_cpu_ms();
                    index.search(q, 50);
                    cpu.push_back(thread_cpu_ms() - c0);
                }
                std::printf("  %-20s cpu median %.3f ms\n", q, percentile(cpu, 0.5));
            }
        }
    }

    for (const char* q : {"sbk", "shebaoka", "社保卡", "driving"}) {
        const auto r = index.search(q, 5);
        std::printf("\"%s\": %zu matches; first:", q, r.total);
        for (const auto& hit : r.hits) {
            std::printf(" %s %s |", index.entries()[hit.entry].id.c_str(),
                        index.entries()[hit.entry].name_zh.c_str());
        }
        std::printf("\n");
    }
    bool ok = expect(index, "sbk", "社保卡", 10);
    ok = expect(index, "社保卡", "社会保障卡", 10) && ok;
    ok = expect(index, "jzz", "居住证", 5) && ok;
    ok = expect(index, "zls", "自来水", 5) && ok;
    ok = expect(index, "hz", "护照", 10) && ok;
    return ok ? 0 : 1;
}
