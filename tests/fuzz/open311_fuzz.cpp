// libFuzzer target: every Open311 parser on the same input; a hostile city server must only
// ever produce an Error.
#include "api/open311_parser.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace cd::api::open311;
    const std::string_view body(reinterpret_cast<const char*>(data), size);
    (void)parse_discovery(body);
    (void)parse_services(body);
    (void)parse_service_definition(body);
    (void)parse_created_request(body);
    if (auto list = parse_service_requests(body); list.ok()) {
        for (const auto& e : list->rejected) {
            (void)e.log_line();
        }
    }
    (void)parse_tokens(body);
    (void)parse_request_updates(body);
    (void)describe_error_body(body);
    return 0;
}
