#include "net/http_client.h"

namespace cd::net {

std::string_view to_string(Method method) {
    switch (method) {
    case Method::get:
        return "GET";
    case Method::head:
        return "HEAD";
    case Method::post:
        return "POST";
    case Method::put:
        return "PUT";
    case Method::patch:
        return "PATCH";
    case Method::del:
        return "DELETE";
    case Method::options:
        return "OPTIONS";
    }
    return "GET";
}

bool is_idempotent(Method method) {
    return method != Method::post && method != Method::patch;
}

bool status_is_retryable(int status) {
    switch (status) {
    case 408:
    case 425:
    case 429:
    case 500:
    case 502:
    case 503:
    case 504:
        return true;
    default:
        return false;
    }
}

Error status_error(const Response& response) {
    Error e = make_error(ErrorKind::http_status, "HTTP status " + std::to_string(response.status));
    e.http_status = response.status;
    e.request_id = response.request_id;
    e.retryable = status_is_retryable(response.status);
    return e;
}

} // namespace cd::net
