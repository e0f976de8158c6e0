// The durable queue of submissions not yet accepted by the server (My Voice reports with
// photos, applications). An item stays until confirm(): a crash, a lock or a failed send
// never loses it. The sender takes due() items, and on failure records when to try again.
// An item belongs to the citizen who queued it (owner, '' when nobody was signed in or it was
// queued before owners were recorded); the sender takes only the signed-in citizen's (due_for).
// An item the server refused for good stays too, with the server's reason, until the citizen
// discards it or replaces it with a corrected one: it is never sent again as it is.
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
    // Set when the server refused the item for good: why, as the sender encoded it.
    std::optional<std::string> refused_reason;
    bool refused() const { return refused_reason.has_value(); }
};

class Outbox {
public:
    explicit Outbox(Vault& vault) : vault_(vault) {}

    using time_point = std::chrono::system_clock::time_point;

    Result<std::int64_t> enqueue(const std::string& kind, const std::string& payload,
                                 const std::vector<std::string>& attachments, time_point now,
                                 const std::string& owner = {});
    // Items whose next attempt time has come, oldest first (refused ones are never due).
    Result<std::vector<OutboxItem>> due(time_point now, int limit = 20);
    // The same, of one citizen only (with `with_unowned`, also items without an owner): an item
    // leaves only with the session of the citizen who made it.
    Result<std::vector<OutboxItem>> due_for(time_point now, const std::string& owner,
                                            bool with_unowned, int limit = 20);
    Result<std::vector<OutboxItem>> all();
    Result<std::int64_t> count();
    // A failed send: attempts + 1, the error kept, the next try not before `retry_at`.
    Status record_failure(std::int64_t id, const std::string& error_detail, time_point retry_at);
    // The server refused the item for good: attempts + 1, kept with the reason, never due.
    Status refuse(std::int64_t id, const std::string& reason, const std::string& error_detail);
    Result<std::int64_t> count_refused();
    // The server accepted the item: it leaves the queue (with its attachment rows).
    Status confirm(std::int64_t id);
    // The citizen gave up on the item (after being asked): it leaves the queue.
    Status discard(std::int64_t id) { return confirm(id); }
    // A corrected item takes the place of `old_id` in one transaction (both or neither).
    Result<std::int64_t> replace(std::int64_t old_id, const std::string& kind,
                                 const std::string& payload,
                                 const std::vector<std::string>& attachments, time_point now);
    Result<std::optional<OutboxItem>> find(std::int64_t id);

private:
    Result<std::int64_t> insert(const std::string& kind, const std::string& payload,
                                const std::vector<std::string>& attachments, time_point now,
                                const std::string& owner);
    Status remove(std::int64_t id);
    Result<std::vector<OutboxItem>> query(const std::string& where_and_order, time_point* now,
                                          int limit, const std::string* owner = nullptr,
                                          bool with_unowned = false);
    Vault& vault_;
};

} // namespace cd::store
