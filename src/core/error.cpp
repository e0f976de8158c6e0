#include "core/error.h"

namespace cd {

std::string_view to_string(ErrorKind kind) {
    switch (kind) {
    case ErrorKind::network:
        return "network";
    case ErrorKind::timeout:
        return "timeout";
    case ErrorKind::tls:
        return "tls";
    case ErrorKind::http_status:
        return "http_status";
    case ErrorKind::protocol:
        return "protocol";
    case ErrorKind::validation:
        return "validation";
    case ErrorKind::auth:
        return "auth";
    case ErrorKind::conflict:
        return "conflict";
    case ErrorKind::storage:
        return "storage";
    case ErrorKind::crypto:
        return "crypto";
    case ErrorKind::cancelled:
        return "cancelled";
    }
    return "unknown";
}

Message default_user_message(ErrorKind kind) {
    switch (kind) {
    case ErrorKind::network:
        return msg(N_("The city platform cannot be reached. Check your internet connection; "
                      "nothing you entered has been lost."));
    case ErrorKind::timeout:
        return msg(N_("The city platform is taking too long to answer. Please try again in a "
                      "moment; nothing you entered has been lost."));
    case ErrorKind::tls:
        return msg(N_("The connection to the city platform is not secure, so it was stopped. "
                      "Check the date and time of this computer, or ask support for help."));
    case ErrorKind::http_status:
        return msg(N_("The city platform could not handle the request. Please try again later."));
    case ErrorKind::protocol:
        return msg(N_("The city platform sent an answer this app does not understand. Please "
                      "try again later; if it keeps happening, contact support."));
    case ErrorKind::validation:
        return msg(N_("Some of the information is not valid. Please check the highlighted "
                      "fields."));
    case ErrorKind::auth:
        return msg(N_("Please sign in again."));
    case ErrorKind::conflict:
        return msg(N_("Something changed in the meantime. Please look again and choose once "
                      "more."));
    case ErrorKind::storage:
        return msg(N_("Your data on this computer could not be read or saved. Check that the "
                      "disk is not full."));
    case ErrorKind::crypto:
        return msg(N_("Your private data could not be unlocked."));
    case ErrorKind::cancelled:
        return msg(N_("Cancelled."));
    }
    return msg(N_("Something went wrong."));
}

bool default_retryable(ErrorKind kind) {
    return kind == ErrorKind::network || kind == ErrorKind::timeout;
}

Error make_error(ErrorKind kind, std::string detail) {
    Error e;
    e.kind = kind;
    e.retryable = default_retryable(kind);
    e.detail = std::move(detail);
    return e;
}

Message Error::message_for_user() const {
    return user_message.empty() ? default_user_message(kind) : user_message;
}

std::string Error::log_line() const {
    std::string line = "error kind=";
    line += to_string(kind);
    if (http_status != 0) {
        line += " status=" + std::to_string(http_status);
    }
    if (!request_id.empty()) {
        line += " request_id=" + request_id;
    }
    if (!problem_type.empty()) {
        line += " type=" + problem_type;
    }
    line += retryable ? " retryable" : " final";
    if (!detail.empty()) {
        line += ": " + detail;
    }
    return line;
}

} // namespace cd
