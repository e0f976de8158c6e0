// Redaction applied to every log line before any sink sees it. What it removes:
//  - anything wrapped by secret() (passphrases, keys, whatever the caller knows is secret);
//  - 18-character resident ID numbers (also written 6-8-4), mainland mobile numbers (also
//    written 3-4-4 or with +86);
//  - bearer tokens, and the values of secret-named fields (password=, "access_token": ...).
// Each becomes "***". It errs towards removing too much: a receipt number that happens to look
// like a phone number is hidden too.
#pragma once

#include <string>
#include <string_view>

namespace cd::diag {

// Marks a value so that redact() replaces it, wherever it ends up in a line.
std::string secret(std::string_view value);

std::string redact(std::string_view text);

} // namespace cd::diag
