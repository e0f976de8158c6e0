// The citizen's personal choices kept in the vault: favourite services, recently used
// services (the last 20), and personal settings as key/value text (including the session
// token, which must never sit in a plain config file).
#pragma once

#include "core/error.h"

#include <chrono>
#include <functional>
#include <initializer_list>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace cd::store {

class Vault;

class Preferences {
public:
    explicit Preferences(Vault& vault) : vault_(vault) {}
    using time_point = std::chrono::system_clock::time_point;
    static constexpr int max_recents = 20;

    Status add_favourite(const std::string& service_id, time_point now);
    Status remove_favourite(const std::string& service_id);
    // Oldest first: the order the citizen added them.
    Result<std::vector<std::string>> favourites();

    // Moves the service to the front; the list keeps the last max_recents.
    Status note_recent(const std::string& service_id, time_point now);
    Result<std::vector<std::string>> recents(); // newest first

    Status set(const std::string& key, const std::string& value);
    Result<std::optional<std::string>> get(const std::string& key);
    Status erase(const std::string& key);

private:
    Result<std::vector<std::string>> list(const char* sql);
    // Runs the statements, each with its text parameters, in one transaction.
    Status write(std::initializer_list<std::pair<std::string, std::vector<std::string>>> steps);
    Vault& vault_;
};

} // namespace cd::store
