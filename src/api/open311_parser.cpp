#include "api/open311_parser.h"

#include "api/json_reader.h"
#include "core/utf8.h"

#include <boost/json.hpp>

namespace cd::api::open311 {
namespace {

namespace json = boost::json;

bool looks_like_error(const json::object& o) {
    const bool record = o.contains("service_code") || o.contains("service_request_id");
    return o.contains("errors") || (o.contains("description") && o.contains("code") && !record) ||
           (o.size() <= 3 && o.contains("message") && !record);
}

// Status words in the spec's case: some cities send "Open" or "CLOSED".
std::string lowercase(std::string text) {
    for (auto& c : text) {
        if (c >= 'A' && c <= 'Z') {
            c = static_cast<char>(c - 'A' + 'a');
        }
    }
    return text;
}

// An attribute value's key as text: numbers as written, an object by its obvious id field or,
// failing that, its serialised form (stable for the same answer).
std::optional<std::string> value_key(const json::object& item) {
    const auto* key = item.if_contains("key");
    if (key == nullptr || key->is_null()) {
        return std::nullopt;
    }
    if (key->is_object()) {
        for (const char* id : {"id", "key", "code", "value"}) {
            if (const auto* inner = key->get_object().if_contains(id);
                inner != nullptr && (inner->is_string() || inner->is_number())) {
                return inner->is_string() ? std::string(inner->get_string())
                                          : json::serialize(*inner);
            }
        }
        return json::serialize(*key);
    }
    if (key->is_string()) {
        return std::string(key->get_string());
    }
    if (key->is_number() || key->is_bool()) {
        return json::serialize(*key);
    }
    return std::nullopt;
}

// The list an answer holds: a bare array, or an array under one of the wrapper keys some
// servers add. An error object instead of a list becomes an Error.
Result<const json::array*> list_of(const json::value& v, std::initializer_list<const char*> keys) {
    if (v.is_array()) {
        return &v.get_array();
    }
    if (v.is_object()) {
        const auto& o = v.get_object();
        for (const char* key : keys) {
            if (const auto* inner = o.if_contains(key); inner != nullptr && inner->is_array()) {
                return &inner->get_array();
            }
        }
        if (looks_like_error(o)) {
            return make_error(ErrorKind::protocol, "error object instead of a list: " +
                                                       describe_error_body(json::serialize(v)));
        }
        // One record instead of a list of one (seen for single-item answers).
        return make_error(ErrorKind::protocol, "expected a list, got an object");
    }
    return make_error(ErrorKind::protocol, "expected a list");
}

Result<json::value> parse(std::string_view body) {
    return parse_json(body);
}

std::vector<std::string> split_keywords(std::string_view text) {
    std::vector<std::string> out;
    while (!text.empty()) {
        const auto comma = text.find(',');
        auto word = text.substr(0, comma);
        while (!word.empty() && word.front() == ' ') {
            word.remove_prefix(1);
        }
        while (!word.empty() && word.back() == ' ') {
            word.remove_suffix(1);
        }
        if (!word.empty()) {
            out.emplace_back(word);
        }
        if (comma == std::string_view::npos) {
            break;
        }
        text.remove_prefix(comma + 1);
    }
    return out;
}

std::optional<Error> read_service(const json::value& v, const std::string& path, Service& s) {
    if (!v.is_object()) {
        return field_error(path, "expected an object");
    }
    ObjectReader r(v.get_object(), path);
    s.code = r.string_or_number("service_code");
    s.name = r.optional_string("service_name").value_or("");
    s.description = r.optional_string("description").value_or("");
    s.metadata = r.optional_boolean("metadata", true).value_or(false);
    s.type = r.optional_string("type").value_or("");
    s.group = r.optional_string("group").value_or("");
    if (const auto* k = r.find("keywords")) {
        if (k->is_string()) {
            s.keywords = split_keywords(k->get_string());
        } else if (k->is_array()) {
            for (const auto& word : k->get_array()) {
                if (word.is_string()) {
                    s.keywords.emplace_back(word.get_string());
                }
            }
        } else {
            r.fail("keywords", "expected text or a list");
        }
    }
    if (r.ok() && s.code.empty()) {
        r.fail("service_code", "empty");
    }
    return r.ok() ? std::nullopt : std::optional<Error>(r.error());
}

std::optional<Error> read_attribute(const json::value& v, const std::string& path, Attribute& a) {
    if (!v.is_object()) {
        return field_error(path, "expected an object");
    }
    ObjectReader r(v.get_object(), path);
    a.variable = r.optional_boolean("variable", true).value_or(true);
    a.code = r.string_or_number("code");
    a.datatype = r.optional_string("datatype").value_or("string");
    a.required = r.optional_boolean("required", true).value_or(false);
    a.datatype_description = r.optional_string("datatype_description").value_or("");
    if (const auto* o = r.find("order"); o != nullptr && o->is_string()) {
        a.order = 0; // some servers send "1": order is a hint, not worth rejecting for
    } else {
        a.order = r.optional_integer("order", -1'000'000, 1'000'000).value_or(0);
    }
    a.description = r.optional_string("description").value_or("");
    if (const auto* values = r.optional_array("values")) {
        const std::string values_path = r.path_of("values");
        for (std::size_t i = 0; i < values->size() && r.ok(); ++i) {
            const auto& item = (*values)[i];
            if (!item.is_object()) {
                r.fail("values", "expected objects");
                break;
            }
            const auto key = value_key(item.get_object());
            if (!key || key->empty()) {
                const auto* given = item.get_object().if_contains("key");
                return field_error(field_path(element_path(values_path, i), "key"),
                                   given == nullptr || given->is_null()
                                       ? "missing"
                                       : "expected text, a number or an object");
            }
            ObjectReader vr(item.get_object(), element_path(values_path, i));
            AttributeValue av;
            av.key = *key;
            av.name = vr.optional_string_or_number("name").value_or(av.key);
            if (!vr.ok()) {
                return vr.error();
            }
            a.values.push_back(std::move(av));
        }
    }
    return r.ok() ? std::nullopt : std::optional<Error>(r.error());
}

std::optional<Error> read_request(const json::object& o, const std::string& path,
                                  ServiceRequest& s) {
    ObjectReader r(o, path);
    s.id = r.string_or_number("service_request_id");
    s.status = lowercase(r.optional_string("status").value_or(""));
    s.status_notes = r.optional_string("status_notes").value_or("");
    s.service_name = r.optional_string("service_name").value_or("");
    s.service_code = r.optional_string_or_number("service_code").value_or("");
    s.description = r.optional_string("description").value_or("");
    s.agency_responsible = r.optional_string("agency_responsible").value_or("");
    s.service_notice = r.optional_string("service_notice").value_or("");
    s.requested_datetime = r.optional_string("requested_datetime").value_or("");
    s.updated_datetime = r.optional_string("updated_datetime").value_or("");
    s.expected_datetime = r.optional_string("expected_datetime").value_or("");
    s.address = r.optional_string("address").value_or("");
    s.address_id = r.optional_string_or_number("address_id").value_or("");
    s.zipcode = r.optional_string_or_number("zipcode").value_or("");
    s.lat = r.optional_number("lat", true);
    s.lon = r.optional_number("long", true);
    s.media_url = r.optional_string("media_url").value_or("");
    if (r.ok() && s.id.empty()) {
        r.fail("service_request_id", "empty");
    }
    if (r.ok() && s.lat && (*s.lat < -90 || *s.lat > 90)) {
        r.fail("lat", "out of range");
    }
    if (r.ok() && s.lon && (*s.lon < -180 || *s.lon > 180)) {
        r.fail("long", "out of range");
    }
    return r.ok() ? std::nullopt : std::optional<Error>(r.error());
}

} // namespace

std::string describe_error_body(std::string_view body) {
    auto parsed = parse_json(body);
    if (!parsed.ok()) {
        return {};
    }
    std::vector<const json::object*> errors;
    auto collect = [&errors](const json::value& v) {
        if (v.is_object()) {
            errors.push_back(&v.get_object());
        } else if (v.is_array()) {
            for (const auto& e : v.get_array()) {
                if (e.is_object()) {
                    errors.push_back(&e.get_object());
                }
            }
        }
    };
    if (parsed->is_object() && parsed->get_object().contains("errors")) {
        collect(parsed->get_object().at("errors"));
    } else {
        collect(*parsed);
    }
    std::string out;
    for (const auto* e : errors) {
        ObjectReader r(*e, "");
        const auto code = r.optional_string_or_number("code");
        auto description = r.optional_string("description");
        if (!description) {
            description = ObjectReader(*e, "").optional_string("message");
        }
        if (!code && !description) {
            continue;
        }
        out += out.empty() ? "" : "; ";
        out += code.value_or("?") + ": " + description.value_or("");
        if (out.size() > 300) {
            break;
        }
    }
    return out;
}

std::string city_words(std::string_view body, std::size_t max_chars) {
    auto parsed = parse_json(body);
    if (!parsed.ok()) {
        return {};
    }
    const json::value* first = &*parsed;
    if (first->is_object()) {
        if (const auto* errors = first->get_object().if_contains("errors")) {
            first = errors;
        }
    }
    if (first->is_array()) {
        if (first->get_array().empty()) {
            return {};
        }
        first = &first->get_array()[0];
    }
    if (!first->is_object()) {
        return {};
    }
    const json::value* words = nullptr;
    for (const char* key : {"description", "message"}) {
        if (const auto* v = first->get_object().if_contains(key); v != nullptr && v->is_string()) {
            words = v;
            break;
        }
    }
    if (words == nullptr) {
        return {};
    }
    // Shown to the citizen: no control or formatting characters, no markup, one line.
    std::string out;
    std::size_t chars = 0;
    bool space = false;
    const std::string_view text = words->get_string();
    for (const auto& cp : utf8::decode(text)) {
        const char32_t c = cp.value;
        if (c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0) || (c >= 0x200B && c <= 0x200F) ||
            (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0xFEFF ||
            c == '<' || c == '>') {
            space = space || c < 0x20;
            continue;
        }
        if (c == ' ' || space) {
            space = false;
            if (!out.empty() && out.back() != ' ') {
                out += ' ';
                ++chars;
            }
            if (c == ' ') {
                continue;
            }
        }
        if (chars >= max_chars) {
            while (!out.empty() && out.back() == ' ') {
                out.pop_back();
            }
            out += "\u2026";
            return out;
        }
        out += text.substr(cp.begin, cp.end - cp.begin);
        ++chars;
    }
    while (!out.empty() && out.back() == ' ') {
        out.pop_back();
    }
    return out;
}

Result<Discovery> parse_discovery(std::string_view body) {
    auto v = parse(body);
    if (!v.ok()) {
        return v.error();
    }
    if (!v->is_object()) {
        return field_error("", "expected an object");
    }
    ObjectReader r(v->get_object(), "");
    Discovery d;
    d.changeset = r.optional_string("changeset").value_or("");
    d.contact = r.optional_string("contact").value_or("");
    d.key_service = r.optional_string("key_service").value_or("");
    const auto* endpoints = r.array("endpoints");
    for (std::size_t i = 0; endpoints != nullptr && i < endpoints->size() && r.ok(); ++i) {
        const auto path = element_path("endpoints", i);
        if (!(*endpoints)[i].is_object()) {
            return field_error(path, "expected an object");
        }
        ObjectReader er((*endpoints)[i].get_object(), path);
        Endpoint e;
        e.specification = er.string("specification");
        e.url = er.string("url");
        e.changeset = er.optional_string("changeset").value_or("");
        e.type = er.optional_string("type").value_or("");
        if (const auto* formats = er.optional_array("formats")) {
            for (const auto& f : *formats) {
                if (f.is_string()) {
                    e.formats.emplace_back(f.get_string());
                }
            }
        }
        if (!er.ok()) {
            return er.error();
        }
        d.endpoints.push_back(std::move(e));
    }
    if (!r.ok()) {
        return r.error();
    }
    return d;
}

Result<std::vector<Service>> parse_services(std::string_view body) {
    auto v = parse(body);
    if (!v.ok()) {
        return v.error();
    }
    auto list = list_of(*v, {"services"});
    if (!list.ok()) {
        return list.error();
    }
    std::vector<Service> out;
    out.reserve((*list)->size());
    for (std::size_t i = 0; i < (*list)->size(); ++i) {
        Service s;
        if (auto e = read_service((**list)[i], element_path("", i), s)) {
            return *e;
        }
        out.push_back(std::move(s));
    }
    return out;
}

Result<ServiceDefinition> parse_service_definition(std::string_view body) {
    auto v = parse(body);
    if (!v.ok()) {
        return v.error();
    }
    if (!v->is_object()) {
        return field_error("", "expected an object");
    }
    if (looks_like_error(v->get_object())) {
        return make_error(ErrorKind::protocol, "error object instead of a service definition: " +
                                                   describe_error_body(body));
    }
    ObjectReader r(v->get_object(), "");
    ServiceDefinition d;
    d.service_code = r.string_or_number("service_code");
    const auto* attributes = r.optional_array("attributes");
    if (!r.ok()) {
        return r.error();
    }
    for (std::size_t i = 0; attributes != nullptr && i < attributes->size(); ++i) {
        Attribute a;
        if (auto e = read_attribute((*attributes)[i], element_path("attributes", i), a)) {
            return *e;
        }
        d.attributes.push_back(std::move(a));
    }
    return d;
}

Result<CreatedRequest> parse_created_request(std::string_view body) {
    auto v = parse(body);
    if (!v.ok()) {
        return v.error();
    }
    // The standard answer is a list of one; some servers send the object alone.
    const json::object* o = nullptr;
    std::string path;
    if (v->is_array()) {
        if (v->get_array().empty()) {
            return field_error("", "empty list: no request was confirmed");
        }
        if (!v->get_array()[0].is_object()) {
            return field_error("[0]", "expected an object");
        }
        o = &v->get_array()[0].get_object();
        path = "[0]";
    } else if (v->is_object()) {
        o = &v->get_object();
    } else {
        return field_error("", "expected a list");
    }
    if (looks_like_error(*o)) {
        return make_error(ErrorKind::protocol,
                          "error instead of a confirmation: " + describe_error_body(body));
    }
    ObjectReader r(*o, path);
    CreatedRequest c;
    c.service_request_id = r.optional_string_or_number("service_request_id").value_or("");
    c.token = r.optional_string_or_number("token").value_or("");
    c.service_notice = r.optional_string("service_notice").value_or("");
    c.account_id = r.optional_string_or_number("account_id").value_or("");
    if (!r.ok()) {
        return r.error();
    }
    if (c.service_request_id.empty() && c.token.empty()) {
        return field_error(path, "neither service_request_id nor token: the request cannot be "
                                 "followed");
    }
    return c;
}

Result<RequestList> parse_service_requests(std::string_view body) {
    auto v = parse(body);
    if (!v.ok()) {
        return v.error();
    }
    auto list = list_of(*v, {"service_requests", "requests"});
    if (!list.ok()) {
        return list.error();
    }
    RequestList out;
    for (std::size_t i = 0; i < (*list)->size(); ++i) {
        const auto path = element_path("", i);
        const auto& item = (**list)[i];
        if (!item.is_object()) {
            out.rejected.push_back(field_error(path, "expected an object"));
            continue;
        }
        ServiceRequest s;
        if (auto e = read_request(item.get_object(), path, s)) {
            out.rejected.push_back(std::move(*e));
            continue;
        }
        out.requests.push_back(std::move(s));
    }
    return out;
}

Result<std::vector<TokenAnswer>> parse_tokens(std::string_view body) {
    auto v = parse(body);
    if (!v.ok()) {
        return v.error();
    }
    auto list = list_of(*v, {"tokens"});
    if (!list.ok()) {
        return list.error();
    }
    std::vector<TokenAnswer> out;
    for (std::size_t i = 0; i < (*list)->size(); ++i) {
        const auto path = element_path("", i);
        if (!(**list)[i].is_object()) {
            return field_error(path, "expected an object");
        }
        ObjectReader r((**list)[i].get_object(), path);
        TokenAnswer t;
        t.token = r.optional_string_or_number("token").value_or("");
        t.service_request_id = r.optional_string_or_number("service_request_id").value_or("");
        if (!r.ok()) {
            return r.error();
        }
        out.push_back(std::move(t));
    }
    return out;
}

Result<std::vector<RequestUpdate>> parse_request_updates(std::string_view body) {
    auto v = parse(body);
    if (!v.ok()) {
        return v.error();
    }
    auto list = list_of(*v, {"service_request_updates", "request_updates"});
    if (!list.ok()) {
        return list.error();
    }
    std::vector<RequestUpdate> out;
    for (std::size_t i = 0; i < (*list)->size(); ++i) {
        const auto path = element_path("", i);
        if (!(**list)[i].is_object()) {
            return field_error(path, "expected an object");
        }
        ObjectReader r((**list)[i].get_object(), path);
        RequestUpdate u;
        u.update_id = r.string_or_number("update_id");
        u.service_request_id = r.string_or_number("service_request_id");
        u.status = lowercase(r.optional_string("status").value_or(""));
        u.updated_datetime = r.optional_string("updated_datetime").value_or("");
        u.description = r.optional_string("description").value_or("");
        u.media_url = r.optional_string("media_url").value_or("");
        if (!r.ok()) {
            return r.error();
        }
        out.push_back(std::move(u));
    }
    return out;
}

} // namespace cd::api::open311
