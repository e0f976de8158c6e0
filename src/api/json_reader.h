// Strict, exception-free reading of JSON answers (Boost.JSON). parse_json() bounds the nesting
// depth and rejects invalid UTF-8; ObjectReader reads fields of one object and remembers the
// first problem as an ErrorKind::protocol Error naming the field path ("services[3].code"),
// so a mapping function reads every field and checks once:
//
//   ObjectReader r(object, "services[3]");
//   s.code = r.string_or_number("service_code");
//   s.name = r.optional_string("service_name").value_or("");
//   if (!r.ok()) return r.error();
#pragma once

#include "core/error.h"

#include <boost/json/value.hpp>

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>

namespace cd::api {

struct JsonLimits {
    std::size_t max_depth = 32;
    std::size_t max_bytes = 16u * 1024u * 1024u;
};

// Never throws: malformed text, invalid UTF-8, too deep or too large -> ErrorKind::protocol.
Result<boost::json::value> parse_json(std::string_view text, const JsonLimits& limits = {});

// "services" + 3 -> "services[3]"; "" + 3 -> "[3]".
std::string element_path(std::string_view array_path, std::size_t index);
// "services[3]" + "code" -> "services[3].code".
std::string field_path(std::string_view object_path, std::string_view key);

// The protocol Error for a field: "services[3].code: expected a string".
Error field_error(std::string_view path, std::string_view problem);

class ObjectReader {
public:
    ObjectReader(const boost::json::object& object, std::string path);

    // Missing and null count as absent for the optional readers; a wrong type is an error.
    std::string string(std::string_view key);
    std::optional<std::string> optional_string(std::string_view key);

    // A string, or an integer written as a number (tolerant ids and codes); stored as text.
    std::string string_or_number(std::string_view key);
    std::optional<std::string> optional_string_or_number(std::string_view key);

    std::int64_t integer(std::string_view key,
                         std::int64_t min = std::numeric_limits<std::int64_t>::min(),
                         std::int64_t max = std::numeric_limits<std::int64_t>::max());
    std::optional<std::int64_t>
    optional_integer(std::string_view key,
                     std::int64_t min = std::numeric_limits<std::int64_t>::min(),
                     std::int64_t max = std::numeric_limits<std::int64_t>::max());

    // A JSON number; with allow_text, also a decimal number written as a string.
    std::optional<double> optional_number(std::string_view key, bool allow_text = false);

    bool boolean(std::string_view key);
    // With allow_text, also "true"/"false" written as strings.
    std::optional<bool> optional_boolean(std::string_view key, bool allow_text = false);

    const boost::json::array* array(std::string_view key);
    const boost::json::array* optional_array(std::string_view key);
    const boost::json::object* object(std::string_view key);
    const boost::json::object* optional_object(std::string_view key);

    // The raw value, or nullptr when absent or null.
    const boost::json::value* find(std::string_view key) const;

    bool ok() const { return !error_.has_value(); }
    const Error& error() const { return *error_; }
    const std::string& path() const { return path_; }
    std::string path_of(std::string_view key) const { return field_path(path_, key); }

    // Records a problem found by the caller (the first one wins).
    void fail(std::string_view key, std::string_view problem);
    // Records a problem a nested reader found (its path is already complete).
    void adopt(const Error& nested);

private:
    const boost::json::object& object_;
    std::string path_;
    std::optional<Error> error_;
};

} // namespace cd::api
