#include "api/library_version.h"

#include <boost/version.hpp>

namespace cd::api {

std::string boost_version_description() {
    return "Boost " + std::to_string(BOOST_VERSION / 100000) + "." +
           std::to_string(BOOST_VERSION / 100 % 1000) + "." + std::to_string(BOOST_VERSION % 100);
}

} // namespace cd::api
