// Search-as-you-type over the service catalog: Chinese text, full pinyin, pinyin initials (every
// reading of a polyphone), mixed and spaced input, English words and prefixes. Built once per
// catalog version, immutable afterwards, so one index can serve searches from any thread.
// Pure logic: no I/O; the pinyin table is compiled in (core/pinyin.h).
#pragma once

#include "core/catalog_entry.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

namespace cd {

// Why a service matched, best first; results are ordered by this, then by where the name match
// starts, then shorter names first, then id.
enum class MatchTier : std::uint8_t {
    exact_name,     // the whole name (Chinese or English) is the query
    name_prefix,    // the name starts with the query
    name_substring, // the query matches inside the name
    keyword,
    life_event,
};

struct TextRange {
    std::uint32_t begin; // UTF-8 byte offsets into the name, end exclusive
    std::uint32_t end;
    friend bool operator==(const TextRange&, const TextRange&) = default;
};

struct SearchHit {
    std::size_t entry; // index into CatalogIndex::entries()
    MatchTier tier;
    std::vector<TextRange> name_zh; // what to highlight in each name (may be empty)
    std::vector<TextRange> name_en;
    std::size_t matched_item = 0; // keyword or life_event tiers: which one matched
};

struct SearchResults {
    std::size_t total = 0;       // every service that matched
    std::vector<SearchHit> hits; // the best `limit` of them, in rank order
};

class CatalogIndex {
public:
    CatalogIndex();
    explicit CatalogIndex(std::vector<CatalogEntry> entries);
    ~CatalogIndex();
    CatalogIndex(CatalogIndex&&) noexcept;
    CatalogIndex& operator=(CatalogIndex&&) noexcept;

    // An empty or blank query matches nothing.
    SearchResults search(std::string_view query, std::size_t limit = 50) const;

    const std::vector<CatalogEntry>& entries() const;

    struct Data; // what the index holds (catalog_index.cpp)

private:
    std::unique_ptr<const Data> data_;
};

} // namespace cd
