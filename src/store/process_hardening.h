// Process-wide protections the app turns on at start, before any secret exists.
#pragma once

#include "core/error.h"

namespace cd::store {

// No core file can hold a passphrase or key: RLIMIT_CORE = 0 (Linux, macOS) and
// PR_SET_DUMPABLE = 0 (Linux; also keeps other processes of the same user from ptrace-ing us).
// A no-op on Windows. Call once at the very start of main().
Status disable_core_dumps();

} // namespace cd::store
