// One include for Catch2 2.x (Debian) and 3.x (vcpkg), so test files read the same on both.
#pragma once

#if __has_include(<catch2/catch_all.hpp>)
#include <catch2/catch_all.hpp>
using Catch::Approx; // v2 has it in the global namespace
#else
#include <catch2/catch.hpp>
#endif
