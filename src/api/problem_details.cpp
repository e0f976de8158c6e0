#include "api/problem_details.h"

#include "api/json_reader.h"

namespace cd::api {
namespace {

std::string clip(std::string text, std::size_t max = 300) {
    if (text.size() > max) {
        text.resize(max);
        // Do not leave half a UTF-8 sequence at the end.
        while (!text.empty() && (static_cast<unsigned char>(text.back()) & 0xC0) == 0x80) {
            text.pop_back();
        }
        if (!text.empty() && (static_cast<unsigned char>(text.back()) & 0x80) != 0) {
            text.pop_back();
        }
        text += "...";
    }
    return text;
}

Message message_for_status(int status) {
    switch (status) {
    case 401:
        return default_user_message(ErrorKind::auth);
    case 403:
        return msg(N_("You are not allowed to do this. If you think you should be, please "
                      "contact support."));
    case 404:
    case 410:
        return msg(N_("What you asked for was not found. It may have been removed."));
    case 408:
    case 504:
        return default_user_message(ErrorKind::timeout);
    case 429:
        return msg(N_("The city platform is very busy. Please try again in a few minutes."));
    case 409:
    case 412:
        return default_user_message(ErrorKind::conflict);
    case 400:
    case 422:
        return default_user_message(ErrorKind::validation);
    default:
        if (status >= 500) {
            return msg(N_("The city platform has a problem right now. Please try again later; "
                          "nothing you entered has been lost."));
        }
        return default_user_message(ErrorKind::http_status);
    }
}

bool is_problem_json(const net::Response& response) {
    const auto type = response.headers.get("Content-Type").value_or("");
    return type.rfind("application/problem+json", 0) == 0;
}

} // namespace

std::optional<ProblemDetails> parse_problem_details(std::string_view body) {
    auto parsed = parse_json(body);
    if (!parsed.ok() || !parsed->is_object()) {
        return std::nullopt;
    }
    const auto& o = parsed->get_object();
    ProblemDetails p;
    auto text = [&o](const char* key) -> std::optional<std::string> {
        const auto* v = o.if_contains(key);
        if (v != nullptr && v->is_string()) {
            return std::string(v->get_string());
        }
        return std::nullopt;
    };
    p.type = text("type").value_or("about:blank");
    p.title = text("title").value_or("");
    p.detail = text("detail").value_or("");
    p.instance = text("instance").value_or("");
    if (const auto* s = o.if_contains("status");
        s != nullptr && s->is_int64() && s->get_int64() >= 100 && s->get_int64() <= 599) {
        p.status = static_cast<int>(s->get_int64());
    }
    if (const auto* errors = o.if_contains("errors"); errors != nullptr && errors->is_array()) {
        for (const auto& item : errors->get_array()) {
            const auto* entry = item.if_object();
            const auto* field = entry ? entry->if_contains("field") : nullptr;
            const auto* message = entry ? entry->if_contains("message") : nullptr;
            if (field != nullptr && field->is_string()) {
                p.errors.push_back({std::string(field->get_string()),
                                    message != nullptr && message->is_string()
                                        ? clip(std::string(message->get_string()))
                                        : std::string()});
            }
        }
    }
    return p;
}

ErrorKind kind_for_status(int status) {
    switch (status) {
    case 400:
    case 422:
        return ErrorKind::validation;
    case 401:
    case 403:
        return ErrorKind::auth;
    case 409:
    case 412:
        return ErrorKind::conflict;
    default:
        return ErrorKind::http_status;
    }
}

Error error_for_status(int status, const std::string& request_id) {
    Error e = make_error(kind_for_status(status), "HTTP status " + std::to_string(status));
    e.http_status = status;
    e.request_id = request_id;
    e.retryable = net::status_is_retryable(status);
    e.user_message = message_for_status(status);
    return e;
}

Error error_from_response(const net::Response& response) {
    Error e = error_for_status(response.status, response.request_id);
    if (!is_problem_json(response)) {
        return e;
    }
    const auto problem = parse_problem_details(response.body);
    if (!problem) {
        e.detail += "; unreadable problem details";
        return e;
    }
    e.problem_type = problem->type;
    e.field_errors = problem->errors;
    if (!problem->title.empty()) {
        e.detail += ": " + clip(problem->title);
    }
    if (!problem->detail.empty()) {
        e.detail += " (" + clip(problem->detail) + ")";
        if (e.kind == ErrorKind::validation) {
            // The server's own explanation helps the citizen fix the input.
            e.user_message = msg(N_("The city platform did not accept the information: {0}"),
                                 {clip(problem->detail)});
        }
    }
    if (problem->status != 0 && problem->status != response.status) {
        e.detail += "; problem status " + std::to_string(problem->status) + " differs";
    }
    return e;
}

} // namespace cd::api
