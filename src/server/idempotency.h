// Idempotency-Key for the requests a citizen must never do twice (payments, applications): the
// first answer is kept per citizen and key with the request it answered; the same key with the
// same request gets that answer again (Idempotent-Replayed: true), with another request a 422.
// Call both under the database lock the handler holds.
#pragma once

#include "server/server_context.h"

#include <string>

namespace cd::server {

// True when the request was answered here: replayed, or refused because the key was used for
// another request. `canonical` stands for the request (the same for a retry of it).
bool answer_from_idempotency(ServerContext& ctx, const httplib::Request& req,
                             httplib::Response& res, const std::string& citizen,
                             const std::string& key, const std::string& canonical);

// Keeps `res` as the answer for this citizen's key.
void remember_idempotent(ServerContext& ctx, const std::string& citizen, const std::string& key,
                         const std::string& canonical, const httplib::Response& res);

} // namespace cd::server
