// Reads the recorded Open311 answers under tests/api/fixtures/open311/.
#pragma once

#include "catch.hpp"

#include <fstream>
#include <sstream>
#include <string>

namespace cd::test {

inline std::string open311_fixture(const std::string& name) {
    std::ifstream in(std::string(CITIZENDESK_SOURCE_DIR) + "/tests/api/fixtures/open311/" + name,
                     std::ios::binary);
    REQUIRE(in.good());
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

} // namespace cd::test
