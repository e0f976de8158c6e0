#include "net/etag_cache.h"

namespace cd::net {

std::optional<CachedEntity> MemoryEtagCache::lookup(const std::string& url) {
    std::lock_guard lock(mutex_);
    auto it = entries_.find(url);
    if (it == entries_.end()) {
        return std::nullopt;
    }
    return it->second;
}

void MemoryEtagCache::store(const std::string& url, const std::string& etag,
                            const std::string& body) {
    std::lock_guard lock(mutex_);
    entries_[url] = CachedEntity{etag, body};
}

std::size_t MemoryEtagCache::size() const {
    std::lock_guard lock(mutex_);
    return entries_.size();
}

} // namespace cd::net
