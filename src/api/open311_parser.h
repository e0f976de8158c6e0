// Turns Open311 GeoReport v2 JSON answers into open311 types. Tolerant where real cities
// deviate (numeric codes and ids, keywords as text or array, booleans as text, missing optional
// fields, an error object instead of an error list) and strict where guessing would invent
// data (a created request without id and token, a listed request without an id). Pure
// functions: no I/O, never throw; the fuzz target drives them directly.
#pragma once

#include "api/open311_types.h"
#include "core/error.h"

#include <string_view>
#include <vector>

namespace cd::api::open311 {

// Requests in a list answer, and the ones that had to be left out (each a protocol Error
// naming its path, e.g. "[3].service_request_id: missing").
struct RequestList {
    std::vector<ServiceRequest> requests;
    std::vector<Error> rejected;
};

Result<Discovery> parse_discovery(std::string_view body);
Result<std::vector<Service>> parse_services(std::string_view body);
Result<ServiceDefinition> parse_service_definition(std::string_view body);
Result<CreatedRequest> parse_created_request(std::string_view body);
Result<RequestList> parse_service_requests(std::string_view body);
Result<std::vector<TokenAnswer>> parse_tokens(std::string_view body);
Result<std::vector<RequestUpdate>> parse_request_updates(std::string_view body);

// An Open311 error body ([{"code":404,"description":"..."}], the same as one object, or
// {"message": "..."}) as
// "code: description; ..." for the log; empty when the body is not one.
std::string describe_error_body(std::string_view body);

// The city's own words in an error body (the first "description" of the spec's list, or the
// "message" of an error object), made fit to show a citizen: one line, no control, bidi or
// markup characters, at most max_chars characters. Empty when there are none.
std::string city_words(std::string_view body, std::size_t max_chars = 160);

} // namespace cd::api::open311
