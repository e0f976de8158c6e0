// Which texts hold a lookup key (internal to CatalogIndex): the candidates for a query are the
// texts holding all its keys. Common keys are kept as bitsets (one AND per 64 texts), rare ones
// as sorted lists; both cost less than testing every text of a 10,000-service catalog.
#pragma once

#include <cstdint>
#include <functional>
#include <unordered_map>
#include <vector>

namespace cd::search {

class Postings {
public:
    // Build: call add() with ascending text numbers, then finish() once.
    void add(std::uint32_t key, std::uint32_t text);
    void finish(std::uint32_t text_count);

    // Calls `visit` for each text holding every one of `keys`, in ascending order.
    void candidates(const std::vector<std::uint32_t>& keys,
                    const std::function<void(std::uint32_t)>& visit) const;

private:
    struct Entry {
        std::vector<std::uint32_t> texts; // sorted, when sparse
        std::vector<std::uint64_t> bits;  // one bit per text, when dense
    };
    std::unordered_map<std::uint32_t, Entry> entries_;
    std::uint32_t text_count_ = 0;
};

} // namespace cd::search
