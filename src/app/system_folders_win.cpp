#include "app/system_folders.h"

#include "core/path_text.h"

#include <windows.h>

#include <knownfolders.h>
#include <objbase.h>
#include <shlobj.h>

#include <cstdlib>

namespace cd::app {

namespace {

std::optional<std::filesystem::path> known_folder(REFKNOWNFOLDERID id) {
    PWSTR text = nullptr;
    std::optional<std::filesystem::path> out;
    if (SUCCEEDED(SHGetKnownFolderPath(id, KF_FLAG_DEFAULT, nullptr, &text)) && text != nullptr &&
        *text != L'\0') {
        out = std::filesystem::path(text);
    }
    CoTaskMemFree(text); // owed even when the call failed
    return out;
}

} // namespace

std::optional<std::string> environment_utf8(const std::string& name) {
    const std::wstring wide_name = path_from_utf8(name).wstring();
    const wchar_t* value = _wgetenv(wide_name.c_str());
    if (value == nullptr || *value == L'\0') {
        return std::nullopt;
    }
    return path_to_utf8(std::filesystem::path(value));
}

std::optional<std::filesystem::path> roaming_app_data_folder() {
    return known_folder(FOLDERID_RoamingAppData);
}

std::optional<std::filesystem::path> local_app_data_folder() {
    return known_folder(FOLDERID_LocalAppData);
}

} // namespace cd::app
