// What Boost (for Boost.JSON) this build was compiled with, for --diagnose.
#pragma once

#include <string>

namespace cd::api {

std::string boost_version_description(); // "Boost 1.81.0"

} // namespace cd::api
