#include "json_schema.h"

#include <stdexcept>

namespace cd::test {
namespace json = boost::json;

namespace {

bool type_matches(const json::value& v, std::string_view type) {
    if (type == "object")
        return v.is_object();
    if (type == "array")
        return v.is_array();
    if (type == "string")
        return v.is_string();
    if (type == "boolean")
        return v.is_bool();
    if (type == "integer")
        return v.is_int64() || v.is_uint64();
    if (type == "number")
        return v.is_number();
    if (type == "null")
        return v.is_null();
    return false;
}

double as_double(const json::value& v) {
    return v.to_number<double>();
}

} // namespace

const json::value& SchemaValidator::resolve(const std::string& ref) const {
    if (ref.rfind("#/", 0) != 0) {
        throw std::runtime_error("only local references are supported: " + ref);
    }
    const json::value* cur = &doc_;
    std::size_t pos = 2;
    while (pos <= ref.size()) {
        auto slash = ref.find('/', pos);
        std::string key =
            ref.substr(pos, slash == std::string::npos ? std::string::npos : slash - pos);
        if (!cur->is_object() || !cur->as_object().contains(key)) {
            throw std::runtime_error("unresolved reference " + ref);
        }
        cur = &cur->as_object().at(key);
        if (slash == std::string::npos) {
            break;
        }
        pos = slash + 1;
    }
    return *cur;
}

std::vector<std::string> SchemaValidator::validate(const json::value& instance,
                                                   const json::value& schema) const {
    std::vector<std::string> out;
    check(instance, schema, "$", out, 0);
    return out;
}

void SchemaValidator::check(const json::value& v, const json::value& schema_in,
                            const std::string& path, std::vector<std::string>& out,
                            int depth) const {
    if (depth > 64) {
        out.push_back(path + ": schema nesting too deep");
        return;
    }
    if (!schema_in.is_object()) {
        out.push_back(path + ": schema is not an object");
        return;
    }
    const auto& s = schema_in.as_object();
    if (const auto* r = s.if_contains("$ref")) {
        check(v, resolve(std::string(r->as_string())), path, out, depth + 1);
        return;
    }
    if (const auto* all = s.if_contains("allOf")) {
        for (const auto& sub : all->as_array()) {
            check(v, sub, path, out, depth + 1);
        }
    }
    if (const auto* one = s.if_contains("oneOf")) {
        int matches = 0;
        for (const auto& sub : one->as_array()) {
            std::vector<std::string> errs;
            check(v, sub, path, errs, depth + 1);
            matches += errs.empty();
        }
        if (matches != 1) {
            out.push_back(path + ": matches " + std::to_string(matches) + " oneOf alternatives");
        }
    }
    if (v.is_null()) {
        const auto* nullable = s.if_contains("nullable");
        if (s.contains("type") && !(nullable && nullable->as_bool())) {
            out.push_back(path + ": null where a value is required");
        }
        return;
    }
    if (const auto* t = s.if_contains("type")) {
        if (!type_matches(v, t->as_string())) {
            out.push_back(path + ": expected " + std::string(t->as_string()) + ", got " +
                          json::serialize(v).substr(0, 40));
            return;
        }
    }
    if (const auto* e = s.if_contains("enum")) {
        bool found = false;
        for (const auto& option : e->as_array()) {
            found = found || option == v;
        }
        if (!found) {
            out.push_back(path + ": " + json::serialize(v) + " is not in the enum");
        }
    }
    if (v.is_number()) {
        if (const auto* m = s.if_contains("minimum"); m && as_double(v) < as_double(*m)) {
            out.push_back(path + ": below minimum");
        }
        if (const auto* m = s.if_contains("maximum"); m && as_double(v) > as_double(*m)) {
            out.push_back(path + ": above maximum");
        }
    }
    if (v.is_array()) {
        const auto& a = v.as_array();
        if (const auto* m = s.if_contains("minItems");
            m && a.size() < m->to_number<std::size_t>()) {
            out.push_back(path + ": fewer items than minItems");
        }
        if (const auto* m = s.if_contains("maxItems");
            m && a.size() > m->to_number<std::size_t>()) {
            out.push_back(path + ": more items than maxItems");
        }
        if (const auto* items = s.if_contains("items")) {
            for (std::size_t i = 0; i < a.size(); ++i) {
                check(a[i], *items, path + "[" + std::to_string(i) + "]", out, depth + 1);
            }
        }
    }
    if (v.is_object()) {
        const auto& o = v.as_object();
        if (const auto* req = s.if_contains("required")) {
            for (const auto& k : req->as_array()) {
                if (!o.contains(k.as_string())) {
                    out.push_back(path + ": missing required field " + std::string(k.as_string()));
                }
            }
        }
        const json::object* props = nullptr;
        if (const auto* p = s.if_contains("properties")) {
            props = &p->as_object();
        }
        const auto* extra = s.if_contains("additionalProperties");
        for (const auto& [k, child] : o) {
            if (props && props->contains(k)) {
                check(child, props->at(k), path + "." + std::string(k), out, depth + 1);
            } else if (extra && extra->is_bool() && !extra->as_bool()) {
                out.push_back(path + ": unexpected field " + std::string(k));
            } else if (extra && extra->is_object()) {
                check(child, *extra, path + "." + std::string(k), out, depth + 1);
            }
        }
    }
}

} // namespace cd::test
