// Percent-encoding for URL paths and queries, and application/x-www-form-urlencoded bodies
// (WHATWG URL standard: space as '+', unreserved characters kept, UTF-8 bytes as %XX).
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cd::api {

using FormFields = std::vector<std::pair<std::string, std::string>>;

// For a path segment: everything but ALPHA / DIGIT / "-" / "." / "_" / "~" becomes %XX.
std::string percent_encode(std::string_view text);

// "a=1&b=x+y" with each name and value form-encoded.
std::string form_encode(const FormFields& fields);

} // namespace cd::api
