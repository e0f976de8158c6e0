// QA's smoke of the real window where no test harness can reach inside it (the Windows build
// under Wine): with CITIZENDESK_QA_SMOKE_REPORT=<file>, a build with tests drives the first
// run as a citizen would (creates the vault in its dialog with a throw-away passphrase that is
// never written anywhere, signs the demo citizen in) and writes what it saw to <file>: the
// tabs' titles, the vault, the platform's answer, then "done". A build without tests (the
// installed app) ignores the variable.
#pragma once

#include "app/app_context.h"

namespace cd::ui {

class MainFrame;

void start_qa_smoke(MainFrame* frame, app::AppContext& context);

} // namespace cd::ui
