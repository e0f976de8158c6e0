#include "app/system_folders.h"

#include <cstdlib>

namespace cd::app {

std::optional<std::string> environment_utf8(const std::string& name) {
    const char* value = std::getenv(name.c_str());
    if (value == nullptr || *value == '\0') {
        return std::nullopt;
    }
    return std::string(value);
}

std::optional<std::filesystem::path> roaming_app_data_folder() {
    return std::nullopt;
}

std::optional<std::filesystem::path> local_app_data_folder() {
    return std::nullopt;
}

} // namespace cd::app
