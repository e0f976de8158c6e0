#include "ui/translations.h"

#include "diag/log.h"

#include <wx/filename.h>
#include <wx/intl.h>
#include <wx/stdpaths.h>
#include <wx/translation.h>

namespace cd::ui {

namespace {

void add_lookup_prefixes(const std::string& extra_prefix) {
    static bool added = false;
    if (!extra_prefix.empty()) {
        wxFileTranslationsLoader::AddCatalogLookupPathPrefix(wxString::FromUTF8(extra_prefix));
    }
    if (added) {
        return;
    }
    added = true;
    // <exe>/../share/locale: both the build tree (bin/ beside share/) and an installed prefix.
    wxFileName exe(wxStandardPaths::Get().GetExecutablePath());
    exe.RemoveLastDir();
    exe.AppendDir("share");
    exe.AppendDir("locale");
    wxFileTranslationsLoader::AddCatalogLookupPathPrefix(exe.GetPath());
#ifdef _WIN32
    // A flat copy (no bin\ folder) keeps them beside the executable: <exe dir>\locale\<lang>\
    // LC_MESSAGES\citizendesk.mo, or <exe dir>\<lang>\citizendesk.mo. (The installer and the
    // ZIP use bin\ beside share\locale, found above.)
    const wxString exe_dir = wxFileName(wxStandardPaths::Get().GetExecutablePath()).GetPath();
    wxFileTranslationsLoader::AddCatalogLookupPathPrefix(exe_dir + wxFILE_SEP_PATH + "locale");
    wxFileTranslationsLoader::AddCatalogLookupPathPrefix(exe_dir);
#endif
}

} // namespace

bool install_translations(const std::string& lang, const std::string& extra_prefix) {
    add_lookup_prefixes(extra_prefix);
    auto* translations = new wxTranslations;
    if (lang.empty()) {
        translations->SetLanguage(wxLANGUAGE_DEFAULT);
    } else {
        translations->SetLanguage(wxString::FromUTF8(lang));
    }
    wxTranslations::Set(translations); // takes ownership, deletes the previous one
    translations->AddStdCatalog();
    const bool found = translations->AddCatalog("citizendesk", wxLANGUAGE_ENGLISH_US);
    const wxString chosen = translations->GetBestTranslation("citizendesk", wxLANGUAGE_ENGLISH_US);
    diag::info(diag::Category::ui, "language: requested '", lang.empty() ? "system" : lang,
               "', using '", chosen.empty() ? "en" : chosen.utf8_string(), "'");
    const bool english =
        lang.empty() ? chosen.empty() || chosen.StartsWith("en") : lang.rfind("en", 0) == 0;
    if (!found && !english) {
        diag::warn(diag::Category::ui, "no citizendesk catalog found for '", lang, "'");
    }
    return found || english;
}

} // namespace cd::ui
