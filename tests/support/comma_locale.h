// Runs a test under a locale whose decimal point is a comma (de_DE.UTF-8; German_Germany.1252
// on Windows), as the app does after setlocale(LC_ALL, "") on a German desktop, and restores
// the previous locale afterwards.
// installer/debian/install-deps.sh generates that locale (CI runs it); a machine without it
// fails the test rather than skipping what it proves.
#pragma once

#include "catch.hpp"

#include <clocale>
#include <cstdio>
#include <string>

namespace cd::test {

// Windows' C runtime names its locales by language and country (a German desktop's
// setlocale(LC_ALL, "") gives "German_Germany.1252"); it knows no POSIX names.
#if defined(_WIN32)
inline constexpr const char* comma_locale_name = "German_Germany.1252";
#else
inline constexpr const char* comma_locale_name = "de_DE.UTF-8";
#endif

class CommaDecimalLocale {
public:
    CommaDecimalLocale() {
        if (const char* current = std::setlocale(LC_ALL, nullptr)) {
            saved_ = current;
        }
        if (std::setlocale(LC_ALL, comma_locale_name) == nullptr) {
            FAIL("the " << comma_locale_name
                        << " locale is missing: run installer/debian/install-deps.sh, "
                           "which generates it");
        }
        // The test proves nothing unless the C library now writes a comma.
        char probe[16];
        std::snprintf(probe, sizeof probe, "%.1f", 0.5);
        REQUIRE(std::string(probe) == "0,5");
    }
    ~CommaDecimalLocale() { std::setlocale(LC_ALL, saved_.c_str()); }
    CommaDecimalLocale(const CommaDecimalLocale&) = delete;
    CommaDecimalLocale& operator=(const CommaDecimalLocale&) = delete;

private:
    std::string saved_ = "C";
};

} // namespace cd::test
