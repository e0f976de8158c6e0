// Helpers on top of ObjectReader for mapping nested contract schemas: members that are
// objects or arrays of objects are read through a mapping function `void(ObjectReader&, T&)`,
// and the first problem anywhere in the tree (with its full path) is the one reported.
#pragma once

#include "api/json_reader.h"
#include "api/platform_types.h"

#include <boost/json/value.hpp>

#include <initializer_list>
#include <string_view>
#include <vector>

namespace cd::api::mapping {

// A required (or optional) member object read through `map`; false when absent or broken.
template <class T, class Map>
bool member(ObjectReader& r, std::string_view key, T& out, Map map, bool required = true) {
    const boost::json::object* o = required ? r.object(key) : r.optional_object(key);
    if (o == nullptr) {
        return false;
    }
    ObjectReader child(*o, r.path_of(key));
    map(child, out);
    if (!child.ok()) {
        r.adopt(child.error());
        return false;
    }
    return true;
}

// A required array of objects, each read through `map`.
template <class T, class Map>
std::vector<T> objects(ObjectReader& r, std::string_view key, Map map, bool required = true) {
    std::vector<T> out;
    const boost::json::array* a = required ? r.array(key) : r.optional_array(key);
    if (a == nullptr) {
        return out;
    }
    out.reserve(a->size());
    for (std::size_t i = 0; i < a->size(); ++i) {
        const std::string path = element_path(r.path_of(key), i);
        if (!(*a)[i].is_object()) {
            r.adopt(field_error(path, "expected an object"));
            return out;
        }
        ObjectReader child((*a)[i].get_object(), path);
        T item;
        map(child, item);
        if (!child.ok()) {
            r.adopt(child.error());
            return out;
        }
        out.push_back(std::move(item));
    }
    return out;
}

std::vector<std::string> strings(ObjectReader& r, std::string_view key);
std::vector<double> numbers(ObjectReader& r, std::string_view key);
std::vector<std::int64_t> integers(ObjectReader& r, std::string_view key);

// A string that must be one of the contract's enumeration values (optional: absent is "").
std::string one_of(ObjectReader& r, std::string_view key, std::initializer_list<const char*> ok,
                   bool required = true);

// A required JSON number.
double number(ObjectReader& r, std::string_view key);

void localized(ObjectReader& r, LocalizedText& out);
LocalizedText text(ObjectReader& r, std::string_view key);

// Parses `body` as one JSON object and maps it; the Error names the first broken field.
template <class T, class Map> Result<T> parse_object(std::string_view body, Map map) {
    auto parsed = parse_json(body);
    if (!parsed.ok()) {
        return parsed.error();
    }
    if (!parsed->is_object()) {
        return field_error("", "expected a JSON object");
    }
    ObjectReader r(parsed->get_object(), "");
    T out;
    map(r, out);
    if (!r.ok()) {
        return r.error();
    }
    return out;
}

} // namespace cd::api::mapping
