#include "core/catalog_postings.h"

#include <algorithm>
#include <bit>

namespace cd::search {

void Postings::add(std::uint32_t key, std::uint32_t text) {
    auto& texts = entries_[key].texts;
    if (texts.empty() || texts.back() != text) {
        texts.push_back(text);
    }
}

void Postings::finish(std::uint32_t text_count) {
    text_count_ = text_count;
    const std::size_t words = (text_count + 63) / 64;
    for (auto& [key, entry] : entries_) {
        // A bitset costs text_count / 8 bytes, a list 4 bytes a text: keep the smaller.
        if (entry.texts.size() * 32 > text_count) {
            entry.bits.assign(words, 0);
            for (auto t : entry.texts) {
                entry.bits[t / 64] |= std::uint64_t{1} << (t % 64);
            }
            entry.texts = {};
        }
    }
}

void Postings::candidates(const std::vector<std::uint32_t>& keys,
                          const std::function<void(std::uint32_t)>& visit) const {
    std::vector<const Entry*> dense, sparse;
    for (auto key : keys) {
        auto it = entries_.find(key);
        if (it == entries_.end()) {
            return; // no text holds this key
        }
        (it->second.bits.empty() ? sparse : dense).push_back(&it->second);
    }
    if (dense.empty() && sparse.empty()) {
        return;
    }
    std::vector<std::uint64_t> all;
    if (!dense.empty()) {
        all = dense.front()->bits;
        for (std::size_t i = 1; i < dense.size(); ++i) {
            for (std::size_t w = 0; w < all.size(); ++w) {
                all[w] &= dense[i]->bits[w];
            }
        }
    }
    if (sparse.empty()) {
        for (std::size_t w = 0; w < all.size(); ++w) {
            for (std::uint64_t rest = all[w]; rest != 0; rest &= rest - 1) {
                visit(static_cast<std::uint32_t>(w * 64 +
                                                 static_cast<std::size_t>(std::countr_zero(rest))));
            }
        }
        return;
    }
    std::sort(sparse.begin(), sparse.end(),
              [](const Entry* a, const Entry* b) { return a->texts.size() < b->texts.size(); });
    for (auto t : sparse.front()->texts) {
        if (!all.empty() && (all[t / 64] & (std::uint64_t{1} << (t % 64))) == 0) {
            continue;
        }
        bool everywhere = true;
        for (std::size_t i = 1; i < sparse.size() && everywhere; ++i) {
            everywhere = std::binary_search(sparse[i]->texts.begin(), sparse[i]->texts.end(), t);
        }
        if (everywhere) {
            visit(t);
        }
    }
}

} // namespace cd::search
