#include "api/json_mapping.h"

namespace cd::api::mapping {
namespace {

template <class T, class Read>
std::vector<T> scalars(ObjectReader& r, std::string_view key, const char* expected, Read read) {
    std::vector<T> out;
    const boost::json::array* a = r.array(key);
    if (a == nullptr) {
        return out;
    }
    out.reserve(a->size());
    for (std::size_t i = 0; i < a->size(); ++i) {
        std::optional<T> v = read((*a)[i]);
        if (!v) {
            r.adopt(field_error(element_path(r.path_of(key), i), expected));
            return out;
        }
        out.push_back(*v);
    }
    return out;
}

std::optional<double> as_number(const boost::json::value& v) {
    if (v.is_double()) {
        return v.get_double();
    }
    if (v.is_int64()) {
        return static_cast<double>(v.get_int64());
    }
    if (v.is_uint64()) {
        return static_cast<double>(v.get_uint64());
    }
    return std::nullopt;
}

} // namespace

std::vector<std::string> strings(ObjectReader& r, std::string_view key) {
    return scalars<std::string>(r, key, "expected a string",
                                [](const boost::json::value& v) -> std::optional<std::string> {
                                    if (!v.is_string()) {
                                        return std::nullopt;
                                    }
                                    return std::string(v.get_string());
                                });
}

std::vector<double> numbers(ObjectReader& r, std::string_view key) {
    return scalars<double>(r, key, "expected a number", as_number);
}

std::vector<std::int64_t> integers(ObjectReader& r, std::string_view key) {
    return scalars<std::int64_t>(r, key, "expected an integer",
                                 [](const boost::json::value& v) -> std::optional<std::int64_t> {
                                     if (v.is_int64()) {
                                         return v.get_int64();
                                     }
                                     return std::nullopt;
                                 });
}

std::string one_of(ObjectReader& r, std::string_view key, std::initializer_list<const char*> ok,
                   bool required) {
    std::string v = required ? r.string(key) : r.optional_string(key).value_or("");
    if (!r.ok() || (v.empty() && !required)) {
        return v;
    }
    for (const char* allowed : ok) {
        if (v == allowed) {
            return v;
        }
    }
    r.fail(key, "unexpected value \"" + v + "\"");
    return v;
}

double number(ObjectReader& r, std::string_view key) {
    auto v = r.optional_number(key);
    if (!v && r.ok()) {
        r.fail(key, "missing");
    }
    return v.value_or(0.0);
}

void localized(ObjectReader& r, LocalizedText& out) {
    out.zh = r.string("zh");
    out.en = r.string("en");
}

LocalizedText text(ObjectReader& r, std::string_view key) {
    LocalizedText out;
    member(r, key, out, localized);
    return out;
}

} // namespace cd::api::mapping
