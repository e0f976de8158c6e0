#include "store/locked_pages.h"

#include <new>

#include <windows.h>

#include <psapi.h>

namespace cd::store {

LockedPages allocate_locked_pages(std::size_t bytes) {
    SYSTEM_INFO info{};
    GetSystemInfo(&info);
    const std::size_t page = info.dwPageSize;
    LockedPages out;
    out.size = (bytes + page - 1) / page * page;
    void* p = VirtualAlloc(nullptr, out.size, MEM_COMMIT | MEM_RESERVE, PAGE_READWRITE);
    if (p == nullptr) {
        throw std::bad_alloc();
    }
    out.data = static_cast<char*>(p);
    // Fails past the working set's minimum (a few dozen pages by default): plenty for the
    // few secrets alive at once.
    out.locked = VirtualLock(p, out.size) != 0;
    return out;
}

void release_locked_pages(LockedPages& pages) {
    if (pages.data == nullptr) {
        return;
    }
    if (pages.locked) {
        VirtualUnlock(pages.data, pages.size);
    }
    VirtualFree(pages.data, 0, MEM_RELEASE);
    pages = LockedPages{};
}

bool reported_locked(const void* address) {
    PSAPI_WORKING_SET_EX_INFORMATION query{};
    query.VirtualAddress = const_cast<void*>(address);
    if (!QueryWorkingSetEx(GetCurrentProcess(), &query, sizeof query)) {
        return false;
    }
    return query.VirtualAttributes.Valid && query.VirtualAttributes.Locked;
}

} // namespace cd::store
