// The durable queue of submissions not yet accepted by the server (My Voice reports with
// photos, applications). An item stays until confirm(): a crash, a lock or a failed send
// never loses it. The sender takes due() items, and on failure records when to try again.
// An item belongs to the citizen who queued it (owner, '' when nobody was signed in or it was
// queued before owners were recorded); the sender takes only the signed-in citizen's (due_for).
#pragma once

#include "core/error.h"

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace cd::store {

class Vault;

struct OutboxItem {
    std::int64_t id = 0;
    std::string kind;                     // "voice.report", "application.submit", ...
    std::string payload;                  // the request body, as it will be sent
    std::vector<std::string> attachments; // file paths, in order
    std::string created_utc;
    int attempts = 0;
    std::optional<std::string> last_error; // redacted detail of the last failure
    std::string next_attempt_utc;
    std::string owner = {}; // who queued it; '' = queued before owners were recorded
};

class Outbox {
public:
    explicit Outbox(Vault& vault) : vault_(vault) {}

    using time_point = std::chrono::system_clock::time_point;

    Result<std::int64_t> enqueue(const std::string& kind, const std::string& payload,
                                 const std::vector<std::string>& attachments, time_point now,
                                 const std::string& owner = {});
    // Items whose next attempt time has come, oldest first.
    Result<std::vector<OutboxItem>> due(time_point now, int limit = 20);
    // The same, of one citizen only (with `with_unowned`, also items without an owner): an item
    // leaves only with the session of the citizen who made it.
    Result<std::vector<OutboxItem>> due_for(time_point now, const std::string& owner,
                                            bool with_unowned, int limit = 20);
    Result<std::vector<OutboxItem>> all();
    Result<std::int64_t> count();
    // A failed send: attempts + 1, the error kept, the next try not before `retry_at`.
    Status record_failure(std::int64_t id, const std::string& error_detail, time_point retry_at);
    // The server accepted the item: it leaves the queue (with its attachment rows).
    Status confirm(std::int64_t id);

private:
    Result<std::vector<OutboxItem>> query(const std::string& where_and_order, time_point* now,
                                          int limit, const std::string* owner = nullptr,
                                          bool with_unowned = false);
    Vault& vault_;
};

} // namespace cd::store
