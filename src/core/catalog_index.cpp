#include "core/catalog_index.h"

#include "core/catalog_text.h"

#include <algorithm>
#include <string>
#include <unordered_map>

namespace cd {

namespace {

struct Document {
    std::uint32_t name_zh; // text numbers in Data::texts
    std::uint32_t name_en;
    std::uint32_t length; // code points of the Chinese name (tie-break: shorter first)
    std::vector<std::uint32_t> keywords;
    std::vector<std::uint32_t> life_events;
};

struct Candidate {
    MatchTier tier;
    std::uint32_t start;
    std::uint32_t length;
    std::uint32_t doc;
};

} // namespace

struct CatalogIndex::Data {
    std::vector<CatalogEntry> entries;
    std::vector<search::PreparedText> texts; // names first; keywords and events shared by text
    std::vector<Document> documents;
    std::size_t name_texts = 0; // texts below this are names, the rest are shared
};

namespace {

// Keywords and life events repeat across thousands of services: prepare and test each once.
std::uint32_t shared_text(std::vector<search::PreparedText>& texts,
                          std::unordered_map<std::string, std::uint32_t>& seen,
                          const std::string& text) {
    auto [it, added] = seen.try_emplace(text, static_cast<std::uint32_t>(texts.size()));
    if (added) {
        texts.emplace_back(text);
    }
    return it->second;
}

MatchTier name_tier(search::Tier t) {
    return t == search::Tier::exact    ? MatchTier::exact_name
           : t == search::Tier::prefix ? MatchTier::name_prefix
                                       : MatchTier::name_substring;
}

std::vector<TextRange> highlight(const search::Query& query, const search::PreparedText& name) {
    std::vector<search::Range> ranges;
    query.match(name, &ranges);
    std::vector<TextRange> out;
    out.reserve(ranges.size());
    for (const auto& r : ranges) {
        out.push_back({r.begin, r.end});
    }
    return out;
}

} // namespace

CatalogIndex::CatalogIndex() : CatalogIndex(std::vector<CatalogEntry>{}) {}

CatalogIndex::CatalogIndex(std::vector<CatalogEntry> entries) {
    auto data = std::make_unique<Data>();
    data->entries = std::move(entries);
    auto& texts = data->texts;
    texts.reserve(data->entries.size() * 2 + 256);
    for (const auto& e : data->entries) {
        texts.emplace_back(e.name_zh);
        texts.emplace_back(e.name_en);
    }
    data->name_texts = texts.size();
    std::unordered_map<std::string, std::uint32_t> seen;
    data->documents.reserve(data->entries.size());
    for (std::size_t i = 0; i < data->entries.size(); ++i) {
        const auto& e = data->entries[i];
        Document d{static_cast<std::uint32_t>(2 * i),
                   static_cast<std::uint32_t>(2 * i + 1),
                   static_cast<std::uint32_t>(texts[2 * i].length()),
                   {},
                   {}};
        for (const auto& k : e.keywords) {
            d.keywords.push_back(shared_text(texts, seen, k));
        }
        for (const auto& l : e.life_events) {
            d.life_events.push_back(shared_text(texts, seen, l));
        }
        data->documents.push_back(std::move(d));
    }
    data_ = std::move(data);
}

CatalogIndex::~CatalogIndex() = default;
CatalogIndex::CatalogIndex(CatalogIndex&&) noexcept = default;
CatalogIndex& CatalogIndex::operator=(CatalogIndex&&) noexcept = default;

const std::vector<CatalogEntry>& CatalogIndex::entries() const {
    return data_->entries;
}

SearchResults CatalogIndex::search(std::string_view text, std::size_t limit) const {
    SearchResults results;
    const search::Query query(text);
    if (query.empty()) {
        return results;
    }
    const auto& d = *data_;
    // Shared texts: 0 not tested yet, 1 no match, 2 match.
    std::vector<std::uint8_t> shared(d.texts.size() - d.name_texts, 0);
    auto shared_match = [&](std::uint32_t t) {
        auto& state = shared[t - d.name_texts];
        if (state == 0) {
            state = query.match(d.texts[t]).tier == search::Tier::none ? 1 : 2;
        }
        return state == 2;
    };
    auto first_matching = [&](const std::vector<std::uint32_t>& items) {
        return static_cast<std::size_t>(std::find_if(items.begin(), items.end(), shared_match) -
                                        items.begin());
    };

    std::vector<Candidate> candidates;
    for (std::uint32_t i = 0; i < d.documents.size(); ++i) {
        const auto& doc = d.documents[i];
        const auto zh = query.match(d.texts[doc.name_zh]);
        const auto en = query.match(d.texts[doc.name_en]);
        const auto& best = en.tier < zh.tier ? en : zh;
        if (best.tier != search::Tier::none) {
            candidates.push_back({name_tier(best.tier), best.start, doc.length, i});
        } else if (first_matching(doc.keywords) < doc.keywords.size()) {
            candidates.push_back({MatchTier::keyword, 0, doc.length, i});
        } else if (first_matching(doc.life_events) < doc.life_events.size()) {
            candidates.push_back({MatchTier::life_event, 0, doc.length, i});
        }
    }
    results.total = candidates.size();
    const auto before = [&](const Candidate& a, const Candidate& b) {
        if (a.tier != b.tier) {
            return a.tier < b.tier;
        }
        if (a.start != b.start) {
            return a.start < b.start;
        }
        if (a.length != b.length) {
            return a.length < b.length;
        }
        return d.entries[a.doc].id < d.entries[b.doc].id;
    };
    const std::size_t shown = std::min(limit, candidates.size());
    std::partial_sort(candidates.begin(), candidates.begin() + static_cast<std::ptrdiff_t>(shown),
                      candidates.end(), before);

    results.hits.reserve(shown);
    for (std::size_t i = 0; i < shown; ++i) {
        const auto& c = candidates[i];
        const auto& doc = d.documents[c.doc];
        SearchHit hit{c.doc, c.tier, highlight(query, d.texts[doc.name_zh]),
                      highlight(query, d.texts[doc.name_en]), 0};
        if (c.tier == MatchTier::keyword) {
            hit.matched_item = first_matching(doc.keywords);
        } else if (c.tier == MatchTier::life_event) {
            hit.matched_item = first_matching(doc.life_events);
        }
        results.hits.push_back(std::move(hit));
    }
    return results;
}

} // namespace cd
