// The message centre's screen and the unread count the status bar (and later the Home tab)
// shows. The main window keeps one presenter for the count; the message centre window attaches
// its view while it is open. Only the signed-in citizen's messages (and those about the vault
// itself) are listed or counted: another citizen's stay hidden.
#pragma once

#include "app/app_context.h"
#include "app/message_centre.h"
#include "store/inbox.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace cd::app {

struct MessageRow {
    std::int64_t id = 0;
    Message title;
    Message body;
    std::string when; // local time, "2026-12-03 17:02"
    bool unread = false;
};

struct MessageGroup {
    std::string kind; // "bill", "payment", ... (NoticeKind)
    Message heading;  // "Bills"
    std::int64_t unread = 0;
    std::vector<MessageRow> rows; // newest first
};

class MessageCentreView {
public:
    virtual ~MessageCentreView() = default;
    // Groups in a fixed order of kinds, empty groups left out; `more`: older messages remain.
    virtual void show_messages(const std::vector<MessageGroup>& groups, bool more) = 0;
    // Nothing to list: why (no messages, nothing matches, the vault is locked).
    virtual void show_empty(const Message& why) = 0;
    virtual void show_error(const Message& error) = 0;
};

class MessageCentrePresenter {
public:
    MessageCentrePresenter(AppContext& context, MessageCentre& centre);
    ~MessageCentrePresenter();
    MessageCentrePresenter(const MessageCentrePresenter&) = delete;
    MessageCentrePresenter& operator=(const MessageCentrePresenter&) = delete;

    // The count as last read from the vault (0 while locked) and who wants to hear of changes
    // (the view words it, with the plural forms of its language).
    std::int64_t unread_count() const { return unread_; }
    void set_unread_listener(std::function<void(std::int64_t)> listener);
    void refresh_count();

    // The window opened (loads the first page) or closed.
    void attach(MessageCentreView* view);
    void detach();
    void search(std::string text);
    void load_more();
    // The citizen opened a message: it is read from now on.
    void open(std::int64_t id);
    void mark_all_read();

    // Kept so far, as shown; for tests and the view's selection.
    const std::vector<MessageGroup>& groups() const { return groups_; }
    static constexpr int page_size = 100;

private:
    void reload();
    void load_page(bool first);
    void show();
    store::InboxFilter filter() const;
    void set_unread(std::int64_t count);

    AppContext& context_;
    MessageCentre& centre_;
    MessageCentreView* view_ = nullptr;
    std::function<void(std::int64_t)> unread_listener_;
    std::int64_t unread_ = 0;
    std::string text_;
    std::vector<store::InboxMessage> kept_; // the pages read so far, newest first
    std::optional<store::InboxCursor> next_;
    std::vector<MessageGroup> groups_;
    int generation_ = 0; // answers to an older listing (before a search) are dropped
    int centre_token_ = 0;
    std::vector<Subscription> subscriptions_;
    Lifetime lifetime_;
};

} // namespace cd::app
