// Desktop notifications through wxNotificationMessage (libnotify on Linux, the notification
// centre on Windows and macOS). The log records that one was shown, never its personal text,
// and says when the desktop could not show it (no notification service): the message centre
// (app/message_centre.h) keeps every notification either way.
#pragma once

#include "app/notifier.h"

namespace cd::ui {

class WxNotifier final : public app::Notifier {
public:
    void notify(const Message& title, const Message& body) override;
    // How many the desktop refused to show (for the log's reader and the tests).
    int not_shown() const { return not_shown_; }

private:
    int not_shown_ = 0;
};

} // namespace cd::ui
