#include "catch.hpp"

#include "app/build_info.h"
#include "app/diagnostics_text.h"
#include "core/path_text.h"

#include <string>

using namespace cd::app;

TEST_CASE("the diagnostics text names every version and folder", "[app][diagnostics]") {
    const LibraryVersions v{"wxWidgets 3.2.2", "libcurl 7.88.1", "SQLCipher 3.4.1", "Boost 1.81.0"};
    const AppPaths p = paths_under("/tmp/profile");
    const std::string text = diagnostics_text(v, p);
    // Each folder as the system writes it (a backslash before "data" on Windows).
    for (const std::string& part : {std::string("wxWidgets 3.2.2"), std::string("libcurl 7.88.1"),
                                    std::string("SQLCipher 3.4.1"), std::string("Boost 1.81.0"),
                                    cd::path_to_utf8(p.data_dir), cd::path_to_utf8(p.config_dir),
                                    cd::path_to_utf8(p.log_dir), cd::path_to_utf8(p.cache_dir)}) {
        INFO(part);
        CHECK(text.find(part) != std::string::npos);
    }
    CHECK(text.find(build::version) != std::string::npos);
}
