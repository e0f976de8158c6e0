#include "app/message_centre_presenter.h"

#include "app/local_time.h"

#include <algorithm>
#include <array>
#include <utility>

namespace cd::app {
namespace {

struct KindHeading {
    NoticeKind kind;
    const char* heading;
};

// The order the groups are shown in: what asks the citizen to act first.
constexpr std::array<KindHeading, 6> group_order{{
    {NoticeKind::bill, N_("Bills")},
    {NoticeKind::payment, N_("Payment outcomes")},
    {NoticeKind::application, N_("Applications")},
    {NoticeKind::report, N_("Replies to my reports")},
    {NoticeKind::vault, N_("My data on this computer")},
    {NoticeKind::other, N_("Other messages")},
}};

} // namespace

MessageCentrePresenter::MessageCentrePresenter(AppContext& context, MessageCentre& centre)
    : context_(context), centre_(centre) {
    centre_token_ = centre_.subscribe([this] {
        refresh_count();
        if (view_ != nullptr) {
            reload();
        }
    });
    subscriptions_.emplace_back(context_.events, [this](AppEvent e) {
        switch (e) {
        case AppEvent::vault_unlocked:
        case AppEvent::vault_locked:
        case AppEvent::signed_in:
        case AppEvent::signed_out:
            refresh_count();
            if (view_ != nullptr) {
                reload();
            }
            break;
        default:
            break;
        }
    });
    refresh_count();
}

MessageCentrePresenter::~MessageCentrePresenter() {
    centre_.unsubscribe(centre_token_);
}

store::InboxFilter MessageCentrePresenter::filter() const {
    store::InboxFilter f;
    f.owner = centre_.citizen();
    f.with_unowned = true;
    f.text = text_;
    return f;
}

void MessageCentrePresenter::set_unread_listener(std::function<void(std::int64_t)> listener) {
    unread_listener_ = std::move(listener);
    if (unread_listener_) {
        unread_listener_(unread_);
    }
}

void MessageCentrePresenter::set_unread(std::int64_t count) {
    if (count == unread_) {
        return;
    }
    unread_ = count;
    if (unread_listener_) {
        unread_listener_(unread_);
    }
}

void MessageCentrePresenter::refresh_count() {
    if (!context_.vault.unlocked()) {
        set_unread(0);
        return;
    }
    store::InboxFilter f = filter();
    f.text.clear(); // the count is of every unread message, whatever is searched
    context_.vault.run<std::int64_t>(
        [f](store::Vault& v) { return store::Inbox(v).unread_count(f); },
        lifetime_.guard([this](Result<std::int64_t> count) {
            set_unread(count ? *count : 0); // locked in between: nothing to count
        }));
}

void MessageCentrePresenter::attach(MessageCentreView* view) {
    view_ = view;
    reload();
}

void MessageCentrePresenter::detach() {
    view_ = nullptr;
    ++generation_;
}

void MessageCentrePresenter::search(std::string text) {
    text_ = std::move(text);
    reload();
}

void MessageCentrePresenter::reload() {
    kept_.clear();
    next_.reset();
    load_page(true);
}

void MessageCentrePresenter::load_more() {
    if (next_) {
        load_page(false);
    }
}

void MessageCentrePresenter::load_page(bool first) {
    if (view_ == nullptr) {
        return;
    }
    if (!context_.vault.unlocked()) {
        groups_.clear();
        view_->show_empty(msg(N_("Unlock your data to read your messages.")));
        return;
    }
    const int generation = ++generation_;
    const store::InboxFilter f = filter();
    const std::optional<store::InboxCursor> after = first ? std::nullopt : next_;
    context_.vault.run<store::InboxPage>(
        [f, after](store::Vault& v) { return store::Inbox(v).page(f, after, page_size); },
        lifetime_.guard([this, generation](Result<store::InboxPage> page) {
            if (generation != generation_ || view_ == nullptr) {
                return; // a newer listing was asked for, or the window closed
            }
            if (!page) {
                view_->show_error(page.error().message_for_user());
                return;
            }
            for (auto& m : page->messages) {
                kept_.push_back(std::move(m));
            }
            next_ = page->next;
            show();
        }));
}

void MessageCentrePresenter::show() {
    groups_.clear();
    const auto now = context_.now();
    const int offset = local_utc_offset_minutes(now);
    for (const auto& [kind, heading] : group_order) {
        MessageGroup group;
        group.kind = std::string(to_string(kind));
        group.heading = msg(heading);
        for (const auto& m : kept_) {
            // A kind this build does not know (kept by a newer one) goes with the others.
            const bool known =
                std::any_of(group_order.begin(), group_order.end(),
                            [&](const KindHeading& k) { return to_string(k.kind) == m.kind; });
            if (m.kind == group.kind || (!known && kind == NoticeKind::other)) {
                group.rows.push_back(MessageRow{
                    m.id, m.title, m.body, local_time_text(m.created_utc, offset), m.unread()});
                group.unread += m.unread() ? 1 : 0;
            }
        }
        if (!group.rows.empty()) {
            groups_.push_back(std::move(group));
        }
    }
    if (groups_.empty()) {
        view_->show_empty(text_.empty() ? msg(N_("No messages yet. Notifications the app shows "
                                                 "are kept here."))
                                        : msg(N_("No message contains \"{0}\"."), {text_}));
        return;
    }
    view_->show_messages(groups_, next_.has_value());
}

void MessageCentrePresenter::open(std::int64_t id) {
    auto it = std::find_if(kept_.begin(), kept_.end(),
                           [id](const store::InboxMessage& m) { return m.id == id; });
    if (it == kept_.end() || !it->unread()) {
        return;
    }
    const store::InboxFilter whose = filter();
    const auto at = centre_.now();
    context_.vault.run<bool>(
        [id, whose, at](store::Vault& v) { return store::Inbox(v).mark_read(id, whose, at); },
        lifetime_.guard([this](Result<bool> marked) {
            if (!marked) {
                if (view_ != nullptr) {
                    view_->show_error(marked.error().message_for_user());
                }
                return;
            }
            centre_.changed(); // the count and every open listing follow
        }));
}

void MessageCentrePresenter::mark_all_read() {
    store::InboxFilter whose = filter();
    whose.text.clear(); // all of them, not only those found
    const auto at = centre_.now();
    context_.vault.run<std::int64_t>(
        [whose, at](store::Vault& v) { return store::Inbox(v).mark_all_read(whose, at); },
        lifetime_.guard([this](Result<std::int64_t> marked) {
            if (!marked) {
                if (view_ != nullptr) {
                    view_->show_error(marked.error().message_for_user());
                }
                return;
            }
            centre_.changed();
        }));
}

} // namespace cd::app
