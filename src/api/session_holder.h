// The signed-in session's tokens, shared by the calls of one PlatformClient. Calls complete on
// the net thread while the UI signs in or out, so every member is guarded by one mutex. The
// holder also makes refreshing single-flight: the server's refresh tokens are single-use, so a
// second concurrent refresh would end the session; calls that hit 401 together wait for the
// one refresh in flight instead. Tokens are never logged.
#pragma once

#include "api/platform_types.h"
#include "core/error.h"

#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace cd::api {

class SessionHolder {
public:
    // The access token and the generation it belongs to (bumped by every set/clear).
    struct Access {
        std::string token;
        std::uint64_t generation = 0;
    };
    using Waiter = std::function<void(Status)>;
    // Told of every new token pair the holder takes (sign-in, restore, a refresh that rotated
    // the pair), on the thread that set it, outside the lock: the app saves the new refresh
    // token so the next start can restore the session. Not called when the session is cleared.
    using TokenListener = std::function<void(const SessionTokens&)>;

    void set(SessionTokens tokens);
    void clear();
    bool signed_in() const;
    std::optional<SessionTokens> tokens() const;
    Access access() const;
    std::string refresh_token() const;

    // Called after a 401 for a request sent with `generation`. Returns true when the caller must
    // start the refresh (and later call finish_refresh); false when the waiter was queued behind
    // a refresh in flight, or was called at once because a newer token already exists.
    bool begin_refresh(std::uint64_t generation, Waiter waiter);
    // Stores the new tokens (or clears the session on failure) and wakes every waiter.
    void finish_refresh(Result<SessionTokens> outcome);

    // Replaces the listener (empty: none).
    void set_token_listener(TokenListener listener);

private:
    void tell(const SessionTokens& tokens) const;

    mutable std::mutex mutex_;
    TokenListener listener_;
    std::optional<SessionTokens> tokens_;
    std::uint64_t generation_ = 0;
    bool refreshing_ = false;
    std::vector<Waiter> waiters_;
};

} // namespace cd::api
