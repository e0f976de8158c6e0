// One catalog service as the search index needs it. The app fills these from the API's catalog
// types (life events as their display names, both languages) and builds a CatalogIndex from them.
#pragma once

#include <string>
#include <vector>

namespace cd {

enum class ServiceKind { government, convenience };

struct CatalogEntry {
    std::string id; // "G0001", "C00001"
    ServiceKind kind = ServiceKind::government;
    std::string name_zh;
    std::string name_en;
    std::vector<std::string> keywords;    // Chinese and English
    std::vector<std::string> life_events; // display names, Chinese and English
};

} // namespace cd
