#include "store/process_hardening.h"
#include "store/secret_bytes.h"

#include "catch.hpp"
#include "owner_only_check.h" // running_under_wine

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

namespace {
#if defined(__SANITIZE_ADDRESS__)
constexpr bool built_with_address_sanitizer = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool built_with_address_sanitizer = true;
#else
constexpr bool built_with_address_sanitizer = false;
#endif
#else
constexpr bool built_with_address_sanitizer = false;
#endif
} // namespace

TEST_CASE("SecretBytes keeps its bytes in pages locked in memory, and a second secret's "
          "release leaves the first locked") {
    SecretBytes first("correct horse battery staple");
    SecretBytes second("another passphrase");
    if (!first.locked_in_memory()) {
        // e.g. RLIMIT_MEMLOCK of 0 in a container: the secret still works, only unlocked.
        WARN("the OS refused to lock a page (RLIMIT_MEMLOCK or working-set limit): not checked");
        return;
    }
    REQUIRE(second.locked_in_memory());
    second.clear();
    CHECK_FALSE(second.locked_in_memory());
    first.append(std::string(5000, 'x')); // grows into new pages, still locked
    CHECK(first.locked_in_memory());
    CHECK(first.view().substr(0, 7) == "correct");
    // Read back from the OS (smaps' Locked:, QueryWorkingSetEx's Locked bit).
    if (cd::store::reported_locked(first.data())) {
        SUCCEED("the OS reports the page locked");
    } else if (cd::test::running_under_wine()) {
        WARN("Wine gap: QueryWorkingSetEx does not report VirtualLock'ed pages as locked");
    } else if (built_with_address_sanitizer) {
        // Its mlock interceptor returns success and locks nothing (asan_interceptors.cpp).
        WARN("AddressSanitizer gap: mlock is a no-op that reports success in this build");
    } else {
        FAIL("the OS does not report the secret's page as locked");
    }
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
