#include "catch.hpp"

#include "app/build_info.h"
#include "app/diagnostics_text.h"

using namespace cd::app;

TEST_CASE("the diagnostics text names every version and folder", "[app][diagnostics]") {
    const LibraryVersions v{"wxWidgets 3.2.2", "libcurl 7.88.1", "SQLCipher 3.4.1", "Boost 1.81.0"};
    const AppPaths p = paths_under("/tmp/profile");
    const std::string text = diagnostics_text(v, p);
    for (std::string_view part :
         {"wxWidgets 3.2.2", "libcurl 7.88.1", "SQLCipher 3.4.1", "Boost 1.81.0",
          "/tmp/profile/data", "/tmp/profile/config", "/tmp/profile/logs", "/tmp/profile/cache"}) {
        INFO(part);
        CHECK(text.find(part) != std::string::npos);
    }
    CHECK(text.find(build::version) != std::string::npos);
}
