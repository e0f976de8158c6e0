// Idempotency-Keys for requests the platform must act on at most once (payments,
// applications): random, so two citizens or two attempts never share one.
#pragma once

#include <string>
#include <string_view>

namespace cd::app {

// `prefix` and 32 random hex digits: "cdpay-3f0c…", "cdapp-91be…".
std::string new_idempotency_key(std::string_view prefix);

} // namespace cd::app
