#include "api/session_holder.h"

namespace cd::api {

void SessionHolder::set(SessionTokens tokens) {
    {
        std::lock_guard lock(mutex_);
        tokens_ = tokens;
        ++generation_;
    }
    tell(tokens);
}

void SessionHolder::set_token_listener(TokenListener listener) {
    std::lock_guard lock(mutex_);
    listener_ = std::move(listener);
}

void SessionHolder::tell(const SessionTokens& tokens) const {
    TokenListener listener;
    {
        std::lock_guard lock(mutex_);
        listener = listener_;
    }
    if (listener) {
        listener(tokens);
    }
}

void SessionHolder::clear() {
    std::lock_guard lock(mutex_);
    tokens_.reset();
    ++generation_;
}

bool SessionHolder::signed_in() const {
    std::lock_guard lock(mutex_);
    return tokens_.has_value();
}

std::optional<SessionTokens> SessionHolder::tokens() const {
    std::lock_guard lock(mutex_);
    return tokens_;
}

SessionHolder::Access SessionHolder::access() const {
    std::lock_guard lock(mutex_);
    return {tokens_ ? tokens_->access_token : std::string(), generation_};
}

std::string SessionHolder::refresh_token() const {
    std::lock_guard lock(mutex_);
    return tokens_ ? tokens_->refresh_token : std::string();
}

bool SessionHolder::begin_refresh(std::uint64_t generation, Waiter waiter) {
    std::unique_lock lock(mutex_);
    if (refreshing_) {
        waiters_.push_back(std::move(waiter));
        return false;
    }
    if (generation != generation_ || !tokens_) {
        // Someone refreshed (or signed out) since the request left: no refresh from here.
        const bool have = tokens_.has_value();
        lock.unlock();
        if (have) {
            waiter(Done{});
        } else {
            Error e = make_error(ErrorKind::auth, "signed out while the request was in flight");
            waiter(e);
        }
        return false;
    }
    refreshing_ = true;
    waiters_.push_back(std::move(waiter));
    return true;
}

void SessionHolder::finish_refresh(Result<SessionTokens> outcome) {
    std::vector<Waiter> waiters;
    Status status = Done{};
    {
        std::lock_guard lock(mutex_);
        if (outcome.ok()) {
            tokens_ = *outcome;
        } else {
            if (outcome.error().kind == ErrorKind::auth) {
                tokens_.reset();
            }
            status = outcome.error();
        }
        ++generation_;
        refreshing_ = false;
        waiters.swap(waiters_);
    }
    if (outcome.ok()) {
        tell(*outcome);
    }
    for (auto& w : waiters) {
        w(status);
    }
}

} // namespace cd::api
