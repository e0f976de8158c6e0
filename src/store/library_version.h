// What SQLCipher (and the SQLite inside it) this build runs with, for --diagnose.
#pragma once

#include <string>

namespace cd::store {

// "SQLCipher 3.4.1 (SQLite 3.15.2)"; asks an in-memory database, so it reports the library
// actually loaded, not the headers compiled against.
std::string sqlcipher_version_description();

} // namespace cd::store
