#include "ui/payment_history_panel.h"

#include "ui/tab_panel.h"

namespace cd::ui {

// Until the history arrives: the tab's empty state.
Page* create_payment_history_panel(wxWindow* parent, app::AppContext&) {
    return new TabPanel(parent, app::Tab::payments);
}

} // namespace cd::ui
