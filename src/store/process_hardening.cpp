#include "store/process_hardening.h"

#include <cerrno>
#include <cstring>
#include <string>

#if defined(_WIN32)
#include <windows.h>
#endif
#if defined(__linux__) || defined(__APPLE__)
#include <sys/resource.h>
#endif
#if defined(__linux__)
#include <sys/prctl.h>
#endif

namespace cd::store {

#if defined(_WIN32)

namespace {
constexpr UINT quiet_crash =
    SEM_FAILCRITICALERRORS | SEM_NOGPFAULTERRORBOX | SEM_NOOPENFILEERRORBOX;
} // namespace

Status disable_core_dumps() {
    SetErrorMode(GetErrorMode() | quiet_crash); // cannot fail
    return Done{};
}

bool core_dumps_disabled() {
    return (GetErrorMode() & quiet_crash) == quiet_crash;
}

#else

Status disable_core_dumps() {
#if defined(__linux__) || defined(__APPLE__)
    struct rlimit none {};
    none.rlim_cur = 0;
    none.rlim_max = 0;
    if (setrlimit(RLIMIT_CORE, &none) != 0) {
        return make_error(ErrorKind::storage,
                          std::string("setrlimit(RLIMIT_CORE) failed: ") + std::strerror(errno));
    }
#endif
#if defined(__linux__)
    if (prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) != 0) {
        return make_error(ErrorKind::storage,
                          std::string("prctl(PR_SET_DUMPABLE) failed: ") + std::strerror(errno));
    }
#endif
    return Done{};
}

bool core_dumps_disabled() {
    bool off = true;
#if defined(__linux__) || defined(__APPLE__)
    struct rlimit lim {};
    off = getrlimit(RLIMIT_CORE, &lim) == 0 && lim.rlim_cur == 0 && lim.rlim_max == 0;
#endif
#if defined(__linux__)
    off = off && prctl(PR_GET_DUMPABLE, 0, 0, 0, 0) == 0;
#endif
    return off;
}

#endif

} // namespace cd::store
