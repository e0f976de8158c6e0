#include "ui/voice_page.h"

#include "ui/tab_panel.h"

namespace cd::ui {

// Until the feature's page arrives: the tab's empty state.
Page* create_voice_page(wxWindow* parent, app::AppContext&) {
    return new TabPanel(parent, app::Tab::voice);
}

} // namespace cd::ui
