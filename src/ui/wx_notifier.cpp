#include "ui/wx_notifier.h"

#include "diag/log.h"
#include "ui/message_text.h"

#include <wx/app.h>
#include <wx/notifmsg.h>

namespace cd::ui {

void WxNotifier::notify(const Message& title, const Message& body) {
    diag::info(diag::Category::ui, "notification: ", title.id);
    wxNotificationMessage note(tr(title), tr(body), wxTheApp ? wxTheApp->GetTopWindow() : nullptr);
    note.Show(wxNotificationMessage::Timeout_Auto);
}

} // namespace cd::ui
