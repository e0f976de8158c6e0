// The one error type that crosses layer boundaries (see ARCHITECTURE.md, "Errors"): what kind
// of failure, whether retrying can help, what the citizen is told, and what the log is told.
#pragma once

#include "core/message.h"

#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace cd {

enum class ErrorKind {
    network,     // could not reach the server (DNS, refused, reset, offline)
    timeout,     // connect, total or low-speed timeout
    tls,         // certificate or handshake failure; never bypassed
    http_status, // the server answered with an error status
    protocol,    // the answer was malformed, truncated, or not what the contract says
    validation,  // the input (the citizen's or the server's) breaks a rule
    auth,        // not signed in, session expired, wrong credentials
    conflict,    // the state changed meanwhile (slot taken, bill already paid, key reused)
    storage,     // the local vault or a file could not be read or written
    crypto,      // wrong passphrase, damaged encryption, key derivation failed
    cancelled,   // the user or the app stopped the operation
};

std::string_view to_string(ErrorKind kind);

// One input field the server refused, as a validation problem names it (the "errors" member of
// RFC 9457 problem details): the field's name and the server's own words.
struct FieldError {
    std::string field;
    std::string message;
    friend bool operator==(const FieldError&, const FieldError&) = default;
};

struct Error {
    ErrorKind kind = ErrorKind::protocol;
    bool retryable = false;   // can the same operation, tried again later, succeed?
    Message user_message;     // in the citizen's words; translated by the view
    std::string detail;       // for the log: already redacted, never shown as the only text
    int http_status = 0;      // when the server answered, its status
    std::string request_id;   // X-Request-ID of the exchange, to match the platform's log
    std::string problem_type; // RFC 9457 "type" when the server sent problem details
    std::vector<FieldError> field_errors; // the fields a validation problem named, if any

    // The citizen's message for this error: its own, or the kind's default wording.
    Message message_for_user() const;

    // One line for the log: kind, status, request id and detail.
    std::string log_line() const;
};

// Builds an error with the kind's default retryability and user message.
Error make_error(ErrorKind kind, std::string detail);

// The plain-words default for each kind (the one place those words are chosen).
Message default_user_message(ErrorKind kind);

// Whether a kind usually clears up by itself (network, timeout, 5xx-like statuses).
bool default_retryable(ErrorKind kind);

// A value or an Error. (std::expected is C++23; GCC 12 has no <expected>.)
template <class T> class Result {
public:
    Result(T value) : v_(std::move(value)) {}
    Result(Error error) : v_(std::move(error)) {}

    bool ok() const { return v_.index() == 0; }
    explicit operator bool() const { return ok(); }

    T& value() & { return std::get<0>(v_); }
    const T& value() const& { return std::get<0>(v_); }
    T&& value() && { return std::get<0>(std::move(v_)); }
    const Error& error() const { return std::get<1>(v_); }

    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }

private:
    std::variant<T, Error> v_;
};

// Success without a value.
struct Done {
    friend bool operator==(Done, Done) = default;
};
using Status = Result<Done>;

} // namespace cd
