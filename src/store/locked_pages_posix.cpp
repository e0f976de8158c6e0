#include "store/locked_pages.h"

#include <cstdint>
#include <fstream>
#include <new>
#include <sstream>
#include <string>

#include <sys/mman.h>
#include <unistd.h>

namespace cd::store {

namespace {

std::size_t page_size() {
    static const std::size_t size = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
    return size;
}

} // namespace

LockedPages allocate_locked_pages(std::size_t bytes) {
    const std::size_t page = page_size();
    LockedPages out;
    out.size = (bytes + page - 1) / page * page;
    void* p = ::mmap(nullptr, out.size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) {
        throw std::bad_alloc();
    }
    out.data = static_cast<char*>(p);
    out.locked = ::mlock(p, out.size) == 0;
#if defined(MADV_DONTDUMP)
    ::madvise(p, out.size, MADV_DONTDUMP);
#endif
    return out;
}

void release_locked_pages(LockedPages& pages) {
    if (pages.data == nullptr) {
        return;
    }
    if (pages.locked) {
        ::munlock(pages.data, pages.size);
    }
    ::munmap(pages.data, pages.size);
    pages = LockedPages{};
}

bool reported_locked(const void* address) {
#if defined(__linux__)
    // smaps lists each mapping as "start-end perms ..." followed by fields, "Locked:" among them.
    const auto at = reinterpret_cast<std::uintptr_t>(address);
    std::ifstream smaps("/proc/self/smaps");
    std::string line;
    bool inside = false;
    while (std::getline(smaps, line)) {
        std::uintptr_t start = 0, end = 0;
        char dash = 0;
        std::istringstream head(line);
        if (line.find(':') != std::string::npos && line.find(' ') > line.find(':')) {
            // a "Field:   value" line
            if (inside && line.rfind("Locked:", 0) == 0) {
                std::istringstream value(line.substr(7));
                long kb = 0;
                value >> kb;
                return kb > 0;
            }
            continue;
        }
        if (head >> std::hex >> start >> dash >> end && dash == '-') {
            inside = at >= start && at < end;
        }
    }
    return false;
#else
    (void)address;
    return false;
#endif
}

} // namespace cd::store
