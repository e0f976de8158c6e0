// Where conditional GETs find the entity tag and body of the last 200 for a URL. The vault
// implements it later (catalog cache); MemoryEtagCache serves tests and sessions without one.
// Called from the HTTP worker thread: implementations must be thread-safe.
#pragma once

#include <map>
#include <mutex>
#include <optional>
#include <string>

namespace cd::net {

struct CachedEntity {
    std::string etag; // as the server sent it, quotes and W/ included
    std::string body;
};

class EtagCache {
public:
    virtual ~EtagCache() = default;
    virtual std::optional<CachedEntity> lookup(const std::string& url) = 0;
    virtual void store(const std::string& url, const std::string& etag,
                       const std::string& body) = 0;
};

class MemoryEtagCache final : public EtagCache {
public:
    std::optional<CachedEntity> lookup(const std::string& url) override;
    void store(const std::string& url, const std::string& etag, const std::string& body) override;
    std::size_t size() const;

private:
    mutable std::mutex mutex_;
    std::map<std::string, CachedEntity> entries_;
};

} // namespace cd::net
