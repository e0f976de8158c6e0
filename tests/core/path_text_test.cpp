#include "catch.hpp"

#include "core/path_text.h"

#include <filesystem>
#include <string>

namespace fs = std::filesystem;

TEST_CASE("a Chinese folder name goes from UTF-8 text to a path and back unchanged",
          "[core][paths]") {
    const std::string name = "\xE5\xB8\x82\xE6\xB0\x91\xE8\xB5\x84\xE6\x96\x99"; // 市民资料
    const fs::path path = fs::path("base") / cd::path_from_utf8(name);
    CHECK(cd::path_to_utf8(path.filename()) == name);
#if defined(_WIN32)
    // The same folder as the wide text a Windows command line or known folder gives (POSIX
    // turns wide text into a path through the C locale, which this test does not set).
    CHECK(path.filename().wstring() == L"\u5E02\u6C11\u8D44\u6599");
#endif
}
