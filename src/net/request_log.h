// What the support log may say about a request: the URL without credentials and with query
// values hidden except harmless paging keys, and a fresh X-Request-ID. Headers are never logged.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace cd::net {

// "https://user:pw@host:8443/v1/bills?page=2&token=abc#x" -> "host:8443/v1/bills?page=2&token=***"
std::string loggable_url(std::string_view url);

// Query keys whose values are shown in the log.
bool query_key_is_harmless(std::string_view key);

// 16 lowercase hex characters from 64 random bits.
std::string format_request_id(std::uint64_t bits);

} // namespace cd::net
