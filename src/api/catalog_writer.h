// The catalog as JSON in the contract's own schema (what parse_catalog reads), so the app can
// keep the catalog it has merged from deltas in the vault and read it back the same way.
#pragma once

#include "api/platform_types.h"

#include <string>

namespace cd::api {

// A full catalog document: since 0, count = services.size(), no removals. The etag is not
// part of the document (the cache keeps it beside the body).
std::string write_catalog(const Catalog& catalog);

} // namespace cd::api
