// Paths as UTF-8 text and back. path::string() and path(std::string) use the ANSI code page on
// Windows, which cannot spell most Chinese folder names (and path::string() throws on them);
// the app passes paths between layers, to SQLite and into the log as UTF-8, so it converts
// through these and never through the narrow constructors.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace cd {

std::filesystem::path path_from_utf8(std::string_view text);

std::string path_to_utf8(const std::filesystem::path& path);

} // namespace cd
