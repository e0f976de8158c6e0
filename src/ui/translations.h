// Installs the message catalogs: ours (citizendesk.mo) and wxWidgets' own (wxstd), for the
// system language or the one asked for with --lang. Looks in the build tree, next to an
// installed binary (../share/locale), and where the OS keeps catalogs.
#pragma once

#include <string>

namespace cd::ui {

// lang: "" for the system language, else "en" or "zh_CN". Safe to call again to switch
// (windows created afterwards use the new language). extra_prefix: another folder laid out
// as <prefix>/<lang>/LC_MESSAGES/citizendesk.mo (tests pass the build tree's).
// Returns false when our catalog for a non-English language was not found.
bool install_translations(const std::string& lang, const std::string& extra_prefix = {});

} // namespace cd::ui
