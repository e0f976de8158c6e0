// Text placed in an HTML page (a receipt saved as a web page, the reference platform's service
// pages): the characters HTML would read as markup, written as entities.
#pragma once

#include <string>
#include <string_view>

namespace cd {

// '&', '<', '>' and '"' as entities; everything else (UTF-8 included) unchanged.
std::string html_escape(std::string_view text);

} // namespace cd
