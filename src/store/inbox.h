// The message centre's record: every notification the app raised, kept in the vault so it can
// be read later even when the desktop never showed it. A message belongs to the citizen who was
// signed in when it was raised (owner, the platform's citizen id); '' marks one about the vault
// itself (raised with nobody signed in), which whoever unlocked the vault may read.
// Title and body are message ids with their arguments, so they are shown in the language of the
// day; the text as first shown is kept too, for search in that language.
#pragma once

#include "core/error.h"
#include "core/message.h"

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace cd::store {

class Vault;
class Connection;

struct NewInboxMessage {
    std::string owner; // '' = nobody was signed in
    std::string kind;  // "bill", "payment", "application", "report", "vault", ...
    Message title;
    Message body;
    std::string shown_text; // title and body as translated when raised (searched too)
    std::chrono::system_clock::time_point at;
};

struct InboxMessage {
    std::int64_t id = 0;
    std::string owner;
    std::string kind;
    Message title;
    Message body;
    std::string created_utc;             // ISO 8601 UTC
    std::optional<std::string> read_utc; // absent while unread
    bool unread() const { return !read_utc.has_value(); }
};

// Whose messages: the owner's and, with `with_unowned`, those about the vault itself.
struct InboxFilter {
    std::string owner;
    bool with_unowned = true;
    std::optional<std::string> kind;
    bool unread_only = false;
    std::string text; // plain text, not a pattern; matched in English and as first shown
};

// Where the next page starts: after this message in newest-first order.
struct InboxCursor {
    std::string created_utc;
    std::int64_t id = 0;
};

struct InboxPage {
    std::vector<InboxMessage> messages; // newest first
    std::optional<InboxCursor> next;    // absent on the last page
};

class Inbox {
public:
    explicit Inbox(Vault& vault) : vault_(vault) {}

    Result<std::int64_t> add(const NewInboxMessage& message);
    Result<InboxPage> page(const InboxFilter& filter, const std::optional<InboxCursor>& after,
                           int limit = 50);
    Result<std::int64_t> unread_count(const InboxFilter& filter);
    // Marks one message read when the filter's citizen may see it; a message read before keeps
    // its first read time. Returns whether it was unread.
    Result<bool> mark_read(std::int64_t id, const InboxFilter& whose,
                           std::chrono::system_clock::time_point at);
    // Every unread message the filter matches; returns how many.
    Result<std::int64_t> mark_all_read(const InboxFilter& filter,
                                       std::chrono::system_clock::time_point at);

private:
    Result<Connection*> db();
    Vault& vault_;
};

} // namespace cd::store
