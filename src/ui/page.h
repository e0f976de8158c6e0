// A tab's page in the main notebook. Feature pages (My Life, My Government, My Payments, My
// Voice) derive from it; the frame tells every page when its tab is shown and when the text
// size changed. Connection, vault and session changes reach pages through app::EventHub.
#pragma once

#include <wx/panel.h>

namespace cd::ui {

class Page : public wxPanel {
public:
    using wxPanel::wxPanel;

    // The citizen switched to this page's tab (refresh what may be stale).
    virtual void on_page_shown() {}
    // The text size changed: wrap long labels again for the new font.
    virtual void rewrap() {}
};

} // namespace cd::ui
