// Which citizens have signed in on this vault (their platform ids), recorded since schema 4.
// Work made before owners were recorded (owner '') may be handled on a citizen's behalf only
// while that citizen is the one ever recorded here: with two, nobody can tell whose it was.
#pragma once

#include "core/error.h"

#include <chrono>
#include <cstdint>
#include <string>

namespace cd::store {

class Vault;

class VaultCitizens {
public:
    explicit VaultCitizens(Vault& vault) : vault_(vault) {}

    // Records the citizen (once) and returns how many different citizens are recorded.
    Result<std::int64_t> note(const std::string& citizen_id,
                              std::chrono::system_clock::time_point at);
    Result<std::int64_t> count();

private:
    Vault& vault_;
};

} // namespace cd::store
