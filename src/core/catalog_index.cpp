#include "core/catalog_index.h"

#include "core/catalog_postings.h"
#include "core/catalog_text.h"

#include <algorithm>
#include <string>
#include <unordered_map>

namespace cd {

namespace {

struct Document {
    std::uint32_t name_zh; // text numbers in Data::texts
    std::uint32_t name_en;
    std::uint32_t length;  // code points of the Chinese name (tie-break: shorter first)
    std::uint32_t id_rank; // place of the id in id order (last tie-break)
    std::vector<std::uint32_t> keywords;
    std::vector<std::uint32_t> life_events;
};

// Rank order packed into one number, smaller first: tier, where the name match starts, name
// length, then the id's place in id order.
std::uint64_t rank_key(MatchTier tier, std::uint32_t start, std::uint32_t length,
                       std::uint32_t id_rank) {
    return std::uint64_t{static_cast<std::uint8_t>(tier)} << 60 |
           std::uint64_t{std::min(start, 0xFFFFu)} << 44 |
           std::uint64_t{std::min(length, 0xFFFu)} << 32 | id_rank;
}

struct Candidate {
    std::uint64_t rank;
    std::uint32_t doc;
};

} // namespace

struct CatalogIndex::Data {
    using Postings = search::Postings;
    std::vector<CatalogEntry> entries;
    std::vector<search::PreparedText> texts; // names first; keywords and events shared by text
    std::vector<Document> documents;
    std::size_t name_texts = 0; // texts below this are names, the rest are shared
    // Name texts by lookup key (PreparedText::keys), ascending: a query's candidates are the
    // texts in the lists of all its keys.
    Postings names_by_key;
    // For each shared text: the documents having it as a keyword, and as a life event.
    std::vector<std::vector<std::uint32_t>> keyword_of, life_event_of;
    // The ranked results of each one-character ASCII query (letter_number order).
    std::vector<std::vector<Candidate>> by_letter;
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

namespace {

// Every document the query matches, with its rank key; unordered.
std::vector<Candidate> collect(const CatalogIndex::Data& d, const search::Query& query) {
    constexpr auto none = static_cast<std::uint32_t>(-1);
    std::vector<std::uint32_t> slot(d.documents.size(), none); // document -> its candidate
    std::vector<Candidate> candidates;
    auto offer = [&](std::uint32_t doc, MatchTier tier, std::uint32_t start) {
        const auto& document = d.documents[doc];
        const auto rank = rank_key(tier, start, document.length, document.id_rank);
        if (slot[doc] == none) {
            slot[doc] = static_cast<std::uint32_t>(candidates.size());
            candidates.push_back({rank, doc});
        } else {
            auto& c = candidates[slot[doc]];
            c.rank = std::min(c.rank, rank);
        }
    };
    // Names: only those holding every key of the query.
    d.names_by_key.candidates(query.keys(), [&](std::uint32_t t) {
        const auto m = query.match(d.texts[t]);
        if (m.tier != search::Tier::none) {
            offer(t / 2, name_tier(m.tier), m.start);
        }
    });
    // Keywords and life events: each distinct text once, then the documents that have it.
    for (std::size_t s = 0; s < d.keyword_of.size(); ++s) {
        if (query.match(d.texts[d.name_texts + s]).tier == search::Tier::none) {
            continue;
        }
        for (auto doc : d.keyword_of[s]) {
            offer(doc, MatchTier::keyword, 0);
        }
        for (auto doc : d.life_event_of[s]) {
            offer(doc, MatchTier::life_event, 0);
        }
    }
    return candidates;
}

bool before(const Candidate& a, const Candidate& b) {
    return a.rank < b.rank;
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
    std::vector<std::uint32_t> keys;
    for (std::uint32_t t = 0; t < data->name_texts; ++t) {
        keys.clear();
        texts[t].keys(keys);
        std::sort(keys.begin(), keys.end());
        keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
        for (auto k : keys) {
            data->names_by_key.add(k, t);
        }
    }
    data->names_by_key.finish(static_cast<std::uint32_t>(data->name_texts));
    std::unordered_map<std::string, std::uint32_t> seen;
    data->documents.reserve(data->entries.size());
    for (std::size_t i = 0; i < data->entries.size(); ++i) {
        const auto& e = data->entries[i];
        Document d{static_cast<std::uint32_t>(2 * i),
                   static_cast<std::uint32_t>(2 * i + 1),
                   static_cast<std::uint32_t>(texts[2 * i].length()),
                   0,
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
    std::vector<std::uint32_t> by_id(data->entries.size());
    for (std::uint32_t i = 0; i < by_id.size(); ++i) {
        by_id[i] = i;
    }
    std::sort(by_id.begin(), by_id.end(), [&](std::uint32_t a, std::uint32_t b) {
        return data->entries[a].id < data->entries[b].id;
    });
    for (std::uint32_t r = 0; r < by_id.size(); ++r) {
        data->documents[by_id[r]].id_rank = r;
    }
    const std::size_t shared = texts.size() - data->name_texts;
    data->keyword_of.resize(shared);
    data->life_event_of.resize(shared);
    for (std::uint32_t i = 0; i < data->documents.size(); ++i) {
        for (auto t : data->documents[i].keywords) {
            auto& docs = data->keyword_of[t - data->name_texts];
            if (docs.empty() || docs.back() != i) {
                docs.push_back(i);
            }
        }
        for (auto t : data->documents[i].life_events) {
            auto& docs = data->life_event_of[t - data->name_texts];
            if (docs.empty() || docs.back() != i) {
                docs.push_back(i);
            }
        }
    }
    for (char32_t c : std::u32string_view(U"abcdefghijklmnopqrstuvwxyz0123456789")) {
        auto ranked = collect(*data, search::Query(std::string(1, static_cast<char>(c))));
        std::sort(ranked.begin(), ranked.end(), before);
        data->by_letter.push_back(std::move(ranked));
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
    // One letter (the first keystroke) matches thousands: those results are ranked at build.
    const char32_t letter = query.single_ascii();
    const auto cached = letter != 0 ? &d.by_letter[search::letter_number(letter)] : nullptr;
    std::vector<Candidate> collected;
    if (!cached) {
        collected = collect(d, query);
    }
    const auto& candidates = cached ? *cached : collected;
    const std::size_t shown = std::min(limit, candidates.size());
    if (!cached) {
        const auto middle = collected.begin() + static_cast<std::ptrdiff_t>(shown);
        std::nth_element(collected.begin(), middle, collected.end(), before);
        std::sort(collected.begin(), middle, before);
    }
    results.total = candidates.size();

    results.hits.reserve(shown);
    for (std::size_t i = 0; i < shown; ++i) {
        const auto& c = candidates[i];
        const auto& doc = d.documents[c.doc];
        const auto tier = static_cast<MatchTier>(c.rank >> 60);
        SearchHit hit{c.doc, tier, highlight(query, d.texts[doc.name_zh]),
                      highlight(query, d.texts[doc.name_en]), 0};
        auto first_matching = [&](const std::vector<std::uint32_t>& items) {
            auto matches = [&](std::uint32_t t) {
                return query.match(d.texts[t]).tier != search::Tier::none;
            };
            return static_cast<std::size_t>(std::find_if(items.begin(), items.end(), matches) -
                                            items.begin());
        };
        if (tier == MatchTier::keyword) {
            hit.matched_item = first_matching(doc.keywords);
        } else if (tier == MatchTier::life_event) {
            hit.matched_item = first_matching(doc.life_events);
        }
        results.hits.push_back(std::move(hit));
    }
    return results;
}

} // namespace cd
