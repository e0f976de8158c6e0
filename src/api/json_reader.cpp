#include "api/json_reader.h"

#include "core/wire_number.h"

#include <boost/json/parse.hpp>

#include <charconv>

namespace cd::api {

Result<boost::json::value> parse_json(std::string_view text, const JsonLimits& limits) {
    if (text.size() > limits.max_bytes) {
        return make_error(ErrorKind::protocol, "JSON answer of " + std::to_string(text.size()) +
                                                   " bytes is over the limit");
    }
    try {
        boost::json::parse_options options;
        options.max_depth = limits.max_depth;
        options.allow_invalid_utf8 = false;
        options.allow_comments = false;
        options.allow_trailing_commas = false;
        boost::system::error_code ec;
        boost::json::value v =
            boost::json::parse(boost::json::string_view(text.data(), text.size()), ec, {}, options);
        if (ec) {
            return make_error(ErrorKind::protocol, "malformed JSON: " + ec.message());
        }
        return v;
    } catch (const std::exception& ex) { // bad_alloc and the like: still only an Error
        return make_error(ErrorKind::protocol, std::string("JSON parse failed: ") + ex.what());
    }
}

std::string element_path(std::string_view array_path, std::size_t index) {
    return std::string(array_path) + "[" + std::to_string(index) + "]";
}

std::string field_path(std::string_view object_path, std::string_view key) {
    if (object_path.empty()) {
        return std::string(key);
    }
    return std::string(object_path) + "." + std::string(key);
}

Error field_error(std::string_view path, std::string_view problem) {
    return make_error(ErrorKind::protocol,
                      (path.empty() ? std::string("answer") : std::string(path)) + ": " +
                          std::string(problem));
}

ObjectReader::ObjectReader(const boost::json::object& object, std::string path)
    : object_(object), path_(std::move(path)) {}

void ObjectReader::fail(std::string_view key, std::string_view problem) {
    if (!error_) {
        error_ = field_error(path_of(key), problem);
    }
}

void ObjectReader::adopt(const Error& nested) {
    if (!error_) {
        error_ = nested;
    }
}

const boost::json::value* ObjectReader::find(std::string_view key) const {
    const boost::json::value* v =
        object_.if_contains(boost::json::string_view(key.data(), key.size()));
    return (v == nullptr || v->is_null()) ? nullptr : v;
}

std::optional<std::string> ObjectReader::optional_string(std::string_view key) {
    const auto* v = find(key);
    if (v == nullptr) {
        return std::nullopt;
    }
    if (!v->is_string()) {
        fail(key, "expected a string");
        return std::nullopt;
    }
    return std::string(v->get_string());
}

std::string ObjectReader::string(std::string_view key) {
    if (find(key) == nullptr) {
        fail(key, "missing");
        return {};
    }
    return optional_string(key).value_or("");
}

std::optional<std::string> ObjectReader::optional_string_or_number(std::string_view key) {
    const auto* v = find(key);
    if (v == nullptr) {
        return std::nullopt;
    }
    if (v->is_string()) {
        return std::string(v->get_string());
    }
    if (v->is_int64()) {
        return std::to_string(v->get_int64());
    }
    if (v->is_uint64()) {
        return std::to_string(v->get_uint64());
    }
    fail(key, "expected a string or an integer");
    return std::nullopt;
}

std::string ObjectReader::string_or_number(std::string_view key) {
    if (find(key) == nullptr) {
        fail(key, "missing");
        return {};
    }
    return optional_string_or_number(key).value_or("");
}

std::optional<std::int64_t> ObjectReader::optional_integer(std::string_view key, std::int64_t min,
                                                           std::int64_t max) {
    const auto* v = find(key);
    if (v == nullptr) {
        return std::nullopt;
    }
    std::int64_t n = 0;
    if (v->is_int64()) {
        n = v->get_int64();
    } else if (v->is_uint64() && v->get_uint64() <= static_cast<std::uint64_t>(
                                                        std::numeric_limits<std::int64_t>::max())) {
        n = static_cast<std::int64_t>(v->get_uint64());
    } else {
        fail(key, v->is_number() ? "integer out of range" : "expected an integer");
        return std::nullopt;
    }
    if (n < min || n > max) {
        fail(key, "integer out of range");
        return std::nullopt;
    }
    return n;
}

std::int64_t ObjectReader::integer(std::string_view key, std::int64_t min, std::int64_t max) {
    if (find(key) == nullptr) {
        fail(key, "missing");
        return 0;
    }
    return optional_integer(key, min, max).value_or(0);
}

std::optional<double> ObjectReader::optional_number(std::string_view key, bool allow_text) {
    const auto* v = find(key);
    if (v == nullptr) {
        return std::nullopt;
    }
    if (v->is_number()) {
        return v->to_number<double>();
    }
    if (allow_text && v->is_string()) {
        const auto& s = v->get_string();
        if (s.empty()) {
            return std::nullopt; // some servers send "" for an unknown position
        }
        // Not strtod: under a comma-decimal locale it would stop at the '.' of "30.27".
        if (auto d = parse_wire_number(std::string_view(s.data(), s.size()))) {
            return d;
        }
    }
    fail(key, "expected a number");
    return std::nullopt;
}

std::optional<bool> ObjectReader::optional_boolean(std::string_view key, bool allow_text) {
    const auto* v = find(key);
    if (v == nullptr) {
        return std::nullopt;
    }
    if (v->is_bool()) {
        return v->get_bool();
    }
    if (allow_text && v->is_string()) {
        if (v->get_string() == "true") {
            return true;
        }
        if (v->get_string() == "false") {
            return false;
        }
    }
    fail(key, "expected true or false");
    return std::nullopt;
}

bool ObjectReader::boolean(std::string_view key) {
    if (find(key) == nullptr) {
        fail(key, "missing");
        return false;
    }
    return optional_boolean(key).value_or(false);
}

const boost::json::array* ObjectReader::optional_array(std::string_view key) {
    const auto* v = find(key);
    if (v == nullptr) {
        return nullptr;
    }
    if (!v->is_array()) {
        fail(key, "expected an array");
        return nullptr;
    }
    return &v->get_array();
}

const boost::json::array* ObjectReader::array(std::string_view key) {
    if (find(key) == nullptr) {
        fail(key, "missing");
        return nullptr;
    }
    return optional_array(key);
}

const boost::json::object* ObjectReader::optional_object(std::string_view key) {
    const auto* v = find(key);
    if (v == nullptr) {
        return nullptr;
    }
    if (!v->is_object()) {
        fail(key, "expected an object");
        return nullptr;
    }
    return &v->get_object();
}

const boost::json::object* ObjectReader::object(std::string_view key) {
    if (find(key) == nullptr) {
        fail(key, "missing");
        return nullptr;
    }
    return optional_object(key);
}

} // namespace cd::api
