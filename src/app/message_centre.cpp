#include "app/message_centre.h"

#include "diag/log.h"
#include "store/inbox.h"

#include <vector>

namespace cd::app {

std::string_view to_string(NoticeKind kind) {
    switch (kind) {
    case NoticeKind::bill:
        return "bill";
    case NoticeKind::payment:
        return "payment";
    case NoticeKind::application:
        return "application";
    case NoticeKind::report:
        return "report";
    case NoticeKind::vault:
        return "vault";
    case NoticeKind::other:
        break;
    }
    return "other";
}

MessageCentre::MessageCentre(Notifier& desktop, VaultService& vault, PlatformData& data, Clock now)
    : desktop_(desktop), vault_(vault), data_(data), now_(std::move(now)) {}

void MessageCentre::notify(const Message& title, const Message& body) {
    notify_about(NoticeKind::other, title, body);
}

void MessageCentre::notify_about(NoticeKind kind, const Message& title, const Message& body) {
    store::NewInboxMessage m;
    m.owner = kind == NoticeKind::vault ? std::string() : data_.citizen_id();
    m.kind = std::string(to_string(kind));
    m.title = title;
    m.body = body;
    if (render_) {
        m.shown_text = render_(title) + "\n" + render_(body);
    }
    m.at = now_();
    vault_.run<std::int64_t>(
        [m = std::move(m)](store::Vault& v) { return store::Inbox(v).add(m); },
        lifetime_.guard([this, kind](Result<std::int64_t> kept) {
            if (!kept) {
                // Locked or failing: the desktop still shows it; the log says it was not kept.
                diag::warn(diag::Category::app, "message (", to_string(kind),
                           ") not kept in the message centre: ", kept.error().log_line());
                return;
            }
            changed();
        }));
    desktop_.notify_about(kind, title, body);
}

void MessageCentre::set_renderer(std::function<std::string(const Message&)> render) {
    render_ = std::move(render);
}

int MessageCentre::subscribe(std::function<void()> changed) {
    listeners_.emplace(next_, std::move(changed));
    return next_++;
}

void MessageCentre::unsubscribe(int token) {
    listeners_.erase(token);
}

void MessageCentre::changed() {
    // A listener may unsubscribe while being told.
    std::vector<int> tokens;
    for (const auto& [token, listener] : listeners_) {
        tokens.push_back(token);
    }
    for (int token : tokens) {
        if (auto it = listeners_.find(token); it != listeners_.end()) {
            auto listener = it->second;
            listener();
        }
    }
}

} // namespace cd::app
