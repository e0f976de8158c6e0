// Whether only the owner can open a path, read back from the OS: the mode bits on POSIX (no
// group or other rights), the access list on Windows (no entry for anyone else, read with
// GetNamedSecurityInfoW). Wine keeps access lists only partly (it stores what it can and
// makes up the rest from the Unix mode), so under Wine a list that is not owner-only is
// reported as Wine's gap in the test output, never silently passed.
#pragma once

#include "catch.hpp"
#include "core/path_text.h"

#include <filesystem>
#include <string>

#if defined(_WIN32)
#include "store/owner_only_access.h"

#include <windows.h>
#endif

namespace cd::test {

struct AccessSeen {
    bool owner_only = false;
    std::string what;
};

inline bool running_under_wine() {
#if defined(_WIN32)
    HMODULE ntdll = GetModuleHandleW(L"ntdll.dll");
    return ntdll != nullptr && GetProcAddress(ntdll, "wine_get_version") != nullptr;
#else
    return false;
#endif
}

inline AccessSeen access_of(const std::filesystem::path& path) {
#if defined(_WIN32)
    auto list = store::read_access_list(path);
    if (!list) {
        return {false, list.error().detail};
    }
    return {list->owner_only() && list->owner_entries > 0,
            list->describe() + (list->is_protected ? ", protected" : ", inherits")};
#else
    using std::filesystem::perms;
    std::error_code ec;
    const perms p = std::filesystem::symlink_status(path, ec).permissions();
    if (ec) {
        return {false, ec.message()};
    }
    const auto others = p & (perms::group_all | perms::others_all);
    return {others == perms::none, others == perms::none ? "owner only" : "group or others too"};
#endif
}

} // namespace cd::test

#define CHECK_OWNER_ONLY(path_expr)                                                                \
    do {                                                                                           \
        const std::filesystem::path owner_only_path_ = (path_expr);                                \
        const std::string owner_only_name_ = cd::path_to_utf8(owner_only_path_);                   \
        const cd::test::AccessSeen seen_ = cd::test::access_of(owner_only_path_);                  \
        if (!seen_.owner_only && cd::test::running_under_wine()) {                                 \
            WARN("Wine gap: the access list of " << owner_only_name_ << " reads back as '"         \
                                                 << seen_.what << "', not owner-only");            \
        } else {                                                                                   \
            INFO(owner_only_name_ << ": " << seen_.what);                                          \
            CHECK(seen_.owner_only);                                                               \
        }                                                                                          \
    } while (false)
