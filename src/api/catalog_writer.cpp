#include "api/catalog_writer.h"

#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

namespace cd::api {
namespace {

namespace json = boost::json;

json::object text_json(const LocalizedText& t) {
    return {{"zh", t.zh}, {"en", t.en}};
}

json::array strings_json(const std::vector<std::string>& items) {
    json::array out;
    out.reserve(items.size());
    for (const auto& s : items) {
        out.emplace_back(s);
    }
    return out;
}

json::object entry_json(const CatalogEntry& e) {
    json::object o{{"id", e.id},
                   {"kind", e.kind},
                   {"name", text_json(e.name)},
                   {"keywords", strings_json(e.keywords)},
                   {"life_events", strings_json(e.life_events)},
                   {"channel", e.channel},
                   {"version", e.version}};
    if (!e.department.empty()) {
        o["department"] = e.department;
    }
    if (!e.category.empty()) {
        o["category"] = e.category;
    }
    if (!e.district.empty()) {
        o["district"] = e.district;
    }
    return o;
}

} // namespace

std::string write_catalog(const Catalog& catalog) {
    json::array services;
    services.reserve(catalog.services.size());
    for (const auto& e : catalog.services) {
        services.push_back(entry_json(e));
    }
    json::object o{{"version", catalog.version},
                   {"since", 0},
                   {"count", catalog.services.size()},
                   {"services", std::move(services)},
                   {"removed", json::array()}};
    return json::serialize(o);
}

} // namespace cd::api
