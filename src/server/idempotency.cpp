#include "server/idempotency.h"

namespace cd::server {

bool answer_from_idempotency(ServerContext& ctx, const httplib::Request& req,
                             httplib::Response& res, const std::string& citizen,
                             const std::string& key, const std::string& canonical) {
    auto seen = ctx.db->prepare("SELECT body, status, response, content_type FROM idempotency "
                                "WHERE citizen_id = ? AND key = ?");
    seen.bind(1, citizen).bind(2, key);
    if (!seen.step()) {
        return false;
    }
    if (seen.text(0) != canonical) {
        send_problem(res, req, 422, "idempotency-key-reused", "Idempotency-Key reused",
                     "This Idempotency-Key was used with a different request body.");
        return true;
    }
    res.status = static_cast<int>(seen.integer(1));
    res.set_content(seen.text(2), seen.text(3));
    res.set_header("Idempotent-Replayed", "true");
    return true;
}

void remember_idempotent(ServerContext& ctx, const std::string& citizen, const std::string& key,
                         const std::string& canonical, const httplib::Response& res) {
    ctx.db->prepare("INSERT INTO idempotency VALUES(?,?,?,?,?,?)")
        .bind(1, citizen)
        .bind(2, key)
        .bind(3, canonical)
        .bind(4, res.status)
        .bind(5, res.body)
        .bind(6, res.get_header_value("Content-Type"))
        .run();
}

} // namespace cd::server
