// The versions of the libraries this build runs with, gathered from each layer.
#pragma once

#include "app/diagnostics_text.h"

namespace cd::ui {

app::LibraryVersions library_versions();

} // namespace cd::ui
