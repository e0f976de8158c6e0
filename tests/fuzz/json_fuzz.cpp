// libFuzzer target: the JSON mapping helpers and the RFC 9457 problem-details mapping must turn
// any input into a value or an Error, never crash, hang or read out of bounds.
#include "api/json_reader.h"
#include "api/problem_details.h"

#include <boost/json.hpp>

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace {

// Reads every member of an object with every reader, recursing into objects and arrays.
void read_everything(const boost::json::value& v, const std::string& path, int depth) {
    if (depth > 40) {
        return;
    }
    if (v.is_array()) {
        const auto& a = v.get_array();
        for (std::size_t i = 0; i < a.size(); ++i) {
            read_everything(a[i], cd::api::element_path(path, i), depth + 1);
        }
        return;
    }
    if (!v.is_object()) {
        return;
    }
    const auto& o = v.get_object();
    for (const auto& member : o) {
        const std::string key(member.key());
        cd::api::ObjectReader r(o, path);
        (void)r.optional_string(key);
        (void)r.optional_string_or_number(key);
        (void)r.optional_integer(key, -1000, 1000);
        (void)r.optional_number(key, true);
        (void)r.optional_boolean(key, true);
        (void)r.optional_array(key);
        (void)r.optional_object(key);
        (void)r.string(key);
        if (!r.ok()) {
            (void)r.error().log_line();
        }
        read_everything(member.value(), r.path_of(key), depth + 1);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    auto parsed = cd::api::parse_json(text);
    if (parsed.ok()) {
        read_everything(*parsed, "", 0);
    }
    (void)cd::api::parse_problem_details(text);
    cd::net::Response response;
    response.status = size > 0 ? 400 + data[0] % 200 : 500;
    response.headers.set("Content-Type", "application/problem+json");
    response.body = std::string(text);
    const cd::Error e = cd::api::error_from_response(response);
    (void)e.log_line();
    return 0;
}
