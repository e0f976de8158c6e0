// RFC 9457 problem details (application/problem+json) and the mapping of an HTTP error answer
// to the one Error type: its kind by status, the citizen's words, the problem's type for code
// that reacts to specific problems, and a redacted detail for the log.
#pragma once

#include "core/error.h"
#include "net/http_client.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cd::api {

struct ProblemDetails {
    std::string type = "about:blank";
    std::string title;
    int status = 0; // 0 when absent or not a valid status
    std::string detail;
    std::string instance;
    // The "errors" extension of a validation problem: [{"field": ..., "message": ...}];
    // entries without a string field are skipped.
    std::vector<FieldError> errors;
};

// The members of a problem object; unknown extension members are ignored, members of the wrong
// type are treated as absent (RFC 9457 3.1). Nothing when the body is not a JSON object.
std::optional<ProblemDetails> parse_problem_details(std::string_view body);

// What an error status means for the app: 400/422 validation, 401/403 auth, 409/412 conflict,
// everything else http_status (retryable for 408, 425, 429 and transient 5xx).
ErrorKind kind_for_status(int status);

// The Error for a non-2xx answer; uses the problem details when the answer carries them
// (Content-Type application/problem+json).
Error error_from_response(const net::Response& response);

// A parse failure of an answer gets that exchange's request id (to be found in both sides'
// logs) and its status.
template <class T> Result<T> tagged(Result<T> r, const net::Response& response) {
    if (r.ok()) {
        return r;
    }
    Error e = r.error();
    e.request_id = response.request_id;
    if (e.http_status == 0) {
        e.http_status = response.status;
    }
    return e;
}

// The Error for a status alone (kind, retryable, the citizen's words, status and request id).
Error error_for_status(int status, const std::string& request_id);

} // namespace cd::api
