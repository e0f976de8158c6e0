// The My Payments tab's History: the vault's ledger in a virtual list with filters and totals,
// spending charts and CSV export. The payments page embeds it; it refreshes itself on
// AppEvent::payment_recorded and when the vault unlocks.
#pragma once

#include "app/app_context.h"
#include "ui/page.h"

#include <wx/window.h>

namespace cd::ui {

Page* create_payment_history_panel(wxWindow* parent, app::AppContext& context);

} // namespace cd::ui
