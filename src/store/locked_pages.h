// Memory for secrets (passphrases, key material) that the OS is asked to keep out of the swap
// file and out of crash dumps: whole pages of their own, so unlocking one secret's page never
// unlocks another's (locks do not nest, on POSIX or Windows), locked with mlock (POSIX) or
// VirtualLock (Windows), and on Linux also marked MADV_DONTDUMP. A lock the OS refuses (a
// small RLIMIT_MEMLOCK, a small working set) leaves the pages usable, only unlocked.
#pragma once

#include <cstddef>

namespace cd::store {

struct LockedPages {
    char* data = nullptr;
    std::size_t size = 0; // a whole number of pages
    bool locked = false;  // whether the OS accepted the lock
};

// At least `bytes` of zeroed memory; throws std::bad_alloc when none can be had.
LockedPages allocate_locked_pages(std::size_t bytes);

// Unlocks and frees (the caller wipes first).
void release_locked_pages(LockedPages& pages);

// Whether the OS reports the page holding `address` as locked in memory (/proc/self/smaps on
// Linux, QueryWorkingSetEx on Windows); for tests. False where it cannot tell.
bool reported_locked(const void* address);

} // namespace cd::store
