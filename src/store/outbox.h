// The durable queue of submissions not yet accepted by the server (My Voice reports with
// photos, applications). An item stays until confirm(): a crash, a lock or a failed send
// never loses it. The sender takes due() items, and on failure records when to try again.
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
};

class Outbox {
public:
    explicit Outbox(Vault& vault) : vault_(vault) {}

    using time_point = std::chrono::system_clock::time_point;

    Result<std::int64_t> enqueue(const std::string& kind, const std::string& payload,
                                 const std::vector<std::string>& attachments, time_point now);
    // Items whose next attempt time has come, oldest first.
    Result<std::vector<OutboxItem>> due(time_point now, int limit = 20);
    Result<std::vector<OutboxItem>> all();
    Result<std::int64_t> count();
    // A failed send: attempts + 1, the error kept, the next try not before `retry_at`.
    Status record_failure(std::int64_t id, const std::string& error_detail, time_point retry_at);
    // The server accepted the item: it leaves the queue (with its attachment rows).
    Status confirm(std::int64_t id);

private:
    Result<std::vector<OutboxItem>> query(const std::string& where_and_order, time_point* now,
                                          int limit);
    Vault& vault_;
};

} // namespace cd::store
