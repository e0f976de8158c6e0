// The HTTP interface the layers above use (api's clients), so they can be tested against a fake.
// The real implementation is CurlHttpClient (curl_http_client.h). It knows nothing of the domain.
//
// A completed HTTP exchange is a Response, whatever its status (4xx and 5xx included, after the
// retries the policy allows): the caller reads the body, e.g. RFC 9457 problem details, and turns
// it into an Error (status_error() below gives the plain one). A transfer that produced no
// usable answer (refused, timed out, TLS failure, truncated, too large, cancelled) is an Error.
#pragma once

#include "core/error.h"
#include "net/headers.h"

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>

namespace cd::net {

enum class Method { get, head, post, put, patch, del, options };

std::string_view to_string(Method method); // "GET", "DELETE", ...

// GET, HEAD, PUT, DELETE and OPTIONS (RFC 9110 9.2.2); POST and PATCH are not.
bool is_idempotent(Method method);

struct Timeouts {
    std::chrono::milliseconds connect{10'000}; // TCP + TLS handshake
    std::chrono::milliseconds total{60'000};   // one attempt, from start to last byte
    // An attempt slower than low_speed_bytes per second for low_speed_time is abandoned.
    long low_speed_bytes = 64;
    std::chrono::seconds low_speed_time{20};
};

struct Request {
    Method method = Method::get;
    std::string url;
    Headers headers;                  // sent as given; X-Request-ID is added unless present
    std::string body;                 // sent as is; give the Content-Type in headers
    std::optional<Timeouts> timeouts; // overrides the client's defaults
    std::optional<std::string> idempotency_key; // sent as Idempotency-Key; makes a POST retryable
    bool cacheable = false; // a GET that may be answered from the EtagCache (If-None-Match)
};

struct Response {
    int status = 0;
    Headers headers;
    std::string body;
    std::string request_id;  // the X-Request-ID sent, the same for every attempt
    std::uint64_t bytes = 0; // body bytes received, after decompression (0 from the cache)
    std::chrono::milliseconds duration{0}; // from send() to completion, all attempts
    bool from_cache = false;               // a 304 answered from the EtagCache; status is then 200
    int attempts = 1;

    bool ok() const { return status >= 200 && status < 300; }
};

// Handle of one logical request, for cancel(); not the X-Request-ID.
using RequestId = std::uint64_t;
using Callback = std::function<void(Result<Response>)>;

class HttpClient {
public:
    virtual ~HttpClient() = default;

    // Starts a request; callable from any thread. on_done is called exactly once, on the
    // client's worker thread (wrap it with a dispatcher to reach the UI thread).
    virtual RequestId send(Request request, Callback on_done) = 0;

    // The request completes once with ErrorKind::cancelled (unless it already completed).
    virtual void cancel(RequestId id) = 0;
    virtual void cancel_all() = 0;
};

// Whether a status is worth trying again later: 408, 425, 429, 500, 502, 503, 504.
bool status_is_retryable(int status);

// The plain Error for a non-2xx response: ErrorKind::http_status with status, request id and
// retryability. api refines it with the problem details of the body.
Error status_error(const Response& response);

} // namespace cd::net
