#include "ui/wx_dispatcher.h"

#include "diag/log.h"

#include <wx/app.h>

namespace cd::ui {

void WxDispatcher::post(std::function<void()> task) {
    if (wxTheApp == nullptr) {
        diag::warn(diag::Category::ui, "a result arrived after the app ended; dropped");
        return;
    }
    // CallAfter is thread-safe: it queues an event that runs the task in the main loop.
    wxTheApp->CallAfter([task = std::move(task)] { task(); });
}

} // namespace cd::ui
