// The plain-text facts support asks for first: versions of the app and its libraries, the OS,
// and where settings, data and logs live. Printed by --diagnose; never contains personal data.
#pragma once

#include "app/app_paths.h"

#include <string>

namespace cd::app {

struct LibraryVersions {
    std::string wx;        // from the ui layer, the only one that knows the toolkit
    std::string curl;      // net
    std::string sqlcipher; // store
    std::string boost;     // api
};

std::string diagnostics_text(const LibraryVersions& versions, const AppPaths& paths);

} // namespace cd::app
