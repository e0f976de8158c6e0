#include "store/process_hardening.h"

#include <cerrno>
#include <cstring>
#include <string>

#if defined(__linux__) || defined(__APPLE__)
#include <sys/resource.h>
#endif
#if defined(__linux__)
#include <sys/prctl.h>
#endif

namespace cd::store {

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

} // namespace cd::store
