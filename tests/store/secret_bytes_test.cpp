#include "store/process_hardening.h"
#include "store/secret_bytes.h"

#include "catch.hpp"

#include <string>

#if defined(__linux__)
#include <sys/prctl.h>
#include <sys/resource.h>
#endif

using cd::store::SecretBytes;

TEST_CASE("SecretBytes holds the bytes it was given and moves them out") {
    SecretBytes a("correct horse");
    a.append(" battery");
    CHECK(a.view() == "correct horse battery");
    SecretBytes b(std::move(a));
    CHECK(b.view() == "correct horse battery");
    CHECK(a.empty()); // NOLINT(bugprone-use-after-move): moved-from must be empty
    b.clear();
    CHECK(b.empty());
    CHECK(b.data() == nullptr);
}

TEST_CASE("SecretBytes take wipes the caller's buffer") {
    std::string typed = "secret typed text";
    SecretBytes s = SecretBytes::take(typed.data(), typed.size());
    CHECK(s.view() == "secret typed text");
    CHECK(typed == std::string(typed.size(), '\0'));
}

TEST_CASE("secure_wipe zeroes memory") {
    char buf[8] = {'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'};
    cd::store::secure_wipe(buf, sizeof buf);
    for (char c : buf) {
        CHECK(c == 0);
    }
}

TEST_CASE(
    "disable_core_dumps leaves no way for a crash to write memory out, read back from the OS") {
    // Linux: no core file and not dumpable; Windows: no error-reporting dialog, which is what
    // would collect a dump (GetErrorMode).
    if (cd::store::core_dumps_disabled()) {
        // e.g. `ulimit -c 0` in the shell that started the tests: the call must still succeed.
        WARN("core dumps were already off before the call; this run shows no change");
    }
    REQUIRE(cd::store::disable_core_dumps().ok());
    CHECK(cd::store::core_dumps_disabled());
}

#if defined(__linux__)
TEST_CASE("disable_core_dumps turns off core files and dumpability") {
    REQUIRE(cd::store::disable_core_dumps().ok());
    struct rlimit lim {};
    REQUIRE(getrlimit(RLIMIT_CORE, &lim) == 0);
    CHECK(lim.rlim_cur == 0);
    CHECK(lim.rlim_max == 0);
    CHECK(prctl(PR_GET_DUMPABLE, 0, 0, 0, 0) == 0);
}
#endif
