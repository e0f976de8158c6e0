// Process-wide protections the app turns on at start, before any secret exists.
#pragma once

#include "core/error.h"

namespace cd::store {

// No crash can write a passphrase or key to disk.
//  Linux, macOS: RLIMIT_CORE = 0, and on Linux PR_SET_DUMPABLE = 0 (which also keeps other
//  processes of the same user from ptrace-ing us).
//  Windows: SetErrorMode(SEM_FAILCRITICALERRORS | SEM_NOGPFAULTERRORBOX |
//  SEM_NOOPENFILEERRORBOX): a crash ends the process without the Windows Error Reporting
//  dialog, which is what offers to collect a memory dump and send it away, and no system
//  "insert a disk" box can hold up a citizen's window. (WerAddExcludedApplication would need
//  a registry write per user and changes nothing the error mode does not; an administrator's
//  own LocalDumps policy is theirs to set.)
// Call once at the very start of main().
Status disable_core_dumps();

// Whether disable_core_dumps() is in force for this process (read back from the OS).
bool core_dumps_disabled();

} // namespace cd::store
