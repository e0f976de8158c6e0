#include "ui/wx_notifier.h"

#include "diag/log.h"
#include "ui/message_text.h"

#include <wx/app.h>
#include <wx/log.h>
#include <wx/notifmsg.h>

namespace cd::ui {

void WxNotifier::notify(const Message& title, const Message& body) {
    wxNotificationMessage note(tr(title), tr(body), wxTheApp ? wxTheApp->GetTopWindow() : nullptr);
    bool shown = false;
    {
        // Without a notification service wx would put up an error box of its own; the message
        // centre has the message anyway, so the log says it and nothing interrupts the citizen.
        wxLogNull quiet;
        shown = note.Show(wxNotificationMessage::Timeout_Auto);
    }
    if (shown) {
        diag::info(diag::Category::ui, "notification: ", title.id);
        return;
    }
    ++not_shown_;
    diag::warn(diag::Category::ui,
               "desktop notification not shown (no notification service?): ", title.id,
               "; it is in the message centre");
}

} // namespace cd::ui
