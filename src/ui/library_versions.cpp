#include "ui/library_versions.h"

#include "api/library_version.h"
#include "net/library_version.h"
#include "store/library_version.h"

#include <wx/string.h>
#include <wx/version.h>

namespace cd::ui {

app::LibraryVersions library_versions() {
    return {wxString(wxVERSION_STRING).utf8_string(), net::curl_version_description(),
            store::sqlcipher_version_description(), api::boost_version_description()};
}

} // namespace cd::ui
