// Desktop notifications through wxNotificationMessage (libnotify on Linux, the notification
// centre on Windows and macOS). The log records that one was shown, never its personal text.
#pragma once

#include "app/notifier.h"

namespace cd::ui {

class WxNotifier final : public app::Notifier {
public:
    void notify(const Message& title, const Message& body) override;
};

} // namespace cd::ui
