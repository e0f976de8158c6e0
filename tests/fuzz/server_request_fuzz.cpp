// libFuzzer target: the reference server's readers of request bodies and parameters. Every
// route reads its JSON body with json_body and its numbers and dates with int_param and
// parse_iso_date; for any input they must either give a value within the stated bounds or
// answer a 400 problem, never crash.
#include "server/http_io.h"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

namespace {

void require(bool holds) {
    if (!holds) {
        std::abort();
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace cd::server;
    const std::string text(reinterpret_cast<const char*>(data), size);

    httplib::Request req;
    req.method = "POST";
    req.path = "/v1/fuzz";
    req.body = text;
    req.set_header("Content-Type", "application/json");
    httplib::Response res;
    if (auto body = json_body(req, res)) {
        require(res.body.empty()); // nothing answered yet: the route goes on
    } else {
        require(res.status == 400);
        boost::json::error_code ec;
        const auto problem = boost::json::parse(res.body, ec);
        require(!ec && problem.is_object() && problem.as_object().contains("type"));
    }

    // A date parameter: accepted only as a real calendar day, printed back the same.
    // (Through civil_from_days, not a time_point: nanosecond clocks end in 2262, and the
    // parser accepts any four-digit year.)
    if (const auto days = parse_iso_date(text)) {
        int y = 0;
        unsigned m = 0, d = 0;
        civil_from_days(*days, y, m, d);
        char printed[32];
        std::snprintf(printed, sizeof printed, "%04d-%02u-%02u", y, m, d);
        require(text == printed);
    }

    // A numeric parameter: inside the bounds, or refused.
    httplib::Request q;
    q.params.emplace("n", text);
    if (const auto n = int_param(q, "n", 7, -50, 50)) {
        require(*n >= -50 && *n <= 50);
    }
    return 0;
}
