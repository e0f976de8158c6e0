#include "server/http_io.h"

#include "server/database.h"
#include "server/fault_injection.h"

#include "diag/log.h"

#include <charconv>
#include <cstdio>
#include <random>

namespace cd::server {

namespace {

// Boost.JSON 1.81 writes doubles as "3.02723E1"; real platforms (and Open-Meteo) write
// "30.2723". Shortest round-trip digits, with ".0" kept so a double still looks like one.
void write_json(std::string& out, const json::value& v) {
    switch (v.kind()) {
    case json::kind::object: {
        out += '{';
        bool first = true;
        for (const auto& [k, child] : v.get_object()) {
            if (!first) {
                out += ',';
            }
            first = false;
            out += json::serialize(json::string_view(k));
            out += ':';
            write_json(out, child);
        }
        out += '}';
        break;
    }
    case json::kind::array: {
        out += '[';
        bool first = true;
        for (const auto& child : v.get_array()) {
            if (!first) {
                out += ',';
            }
            first = false;
            write_json(out, child);
        }
        out += ']';
        break;
    }
    case json::kind::double_: {
        char buf[64];
        auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v.get_double());
        std::string_view text(buf, static_cast<std::size_t>(end - buf));
        if (ec != std::errc() || text.find_first_of("in") != std::string_view::npos) {
            out += "null"; // JSON has no NaN or infinity
        } else {
            out += text;
            if (text.find_first_of(".e") == std::string_view::npos) {
                out += ".0";
            }
        }
        break;
    }
    default:
        out += json::serialize(v);
    }
}

} // namespace

std::string to_json_text(const json::value& v) {
    std::string out;
    write_json(out, v);
    return out;
}

void send_json(httplib::Response& res, int status, const json::value& body) {
    res.status = status;
    res.set_content(to_json_text(body), "application/json");
}

void send_problem(httplib::Response& res, const httplib::Request& req, int status,
                  std::string_view slug, std::string_view title, std::string_view detail,
                  json::object extra) {
    json::object p = std::move(extra);
    p["type"] = std::string(problem_base) + std::string(slug);
    p["title"] = title;
    p["status"] = status;
    p["detail"] = detail;
    p["instance"] = req.path;
    res.status = status;
    res.set_content(json::serialize(p), "application/problem+json");
}

std::optional<json::object> json_body(const httplib::Request& req, httplib::Response& res) {
    json::error_code ec;
    auto v = json::parse(req.body, ec);
    if (ec || !v.is_object()) {
        send_problem(res, req, 400, "malformed-body", "Malformed request body",
                     "The request body must be a JSON object.");
        return std::nullopt;
    }
    return std::move(v.as_object());
}

std::optional<long long> int_param(const httplib::Request& req, const char* name,
                                   long long fallback, long long lo, long long hi) {
    if (!req.has_param(name)) {
        return fallback;
    }
    const std::string text = req.get_param_value(name);
    if (text.empty() || text.size() > 18) {
        return std::nullopt;
    }
    long long v = 0;
    std::size_t i = 0;
    bool neg = text[0] == '-';
    if (neg) {
        i = 1;
    }
    if (i == text.size()) {
        return std::nullopt;
    }
    for (; i < text.size(); ++i) {
        if (text[i] < '0' || text[i] > '9') {
            return std::nullopt;
        }
        v = v * 10 + (text[i] - '0');
    }
    v = neg ? -v : v;
    if (v < lo || v > hi) {
        return std::nullopt;
    }
    return v;
}

std::string random_hex(std::size_t bytes) {
    thread_local std::mt19937_64 rng{
        std::random_device{}() ^
        static_cast<std::uint64_t>(Clock::now().time_since_epoch().count())};
    static const char* digits = "0123456789abcdef";
    std::string out;
    out.reserve(bytes * 2);
    for (std::size_t i = 0; i < bytes; ++i) {
        auto b = static_cast<unsigned>(rng() & 0xffu);
        out += digits[b >> 4];
        out += digits[b & 15u];
    }
    return out;
}

std::string new_request_id() {
    auto h = random_hex(16);
    return h.substr(0, 8) + "-" + h.substr(8, 4) + "-" + h.substr(12, 4) + "-" + h.substr(16, 4) +
           "-" + h.substr(20, 12);
}

std::int64_t to_ms(Clock::time_point t) {
    return std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count();
}

Clock::time_point from_ms(std::int64_t ms) {
    return Clock::time_point(std::chrono::milliseconds(ms));
}

std::int64_t days_from_civil(int y, unsigned m, unsigned d) {
    y -= m <= 2;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const auto yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return static_cast<std::int64_t>(era) * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

void civil_from_days(std::int64_t z, int& y, unsigned& m, unsigned& d) {
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const auto doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    d = doy - (153 * mp + 2) / 5 + 1;
    m = mp < 10 ? mp + 3 : mp - 9;
    y = static_cast<int>(static_cast<std::int64_t>(yoe) + era * 400 + (m <= 2));
}

std::string iso8601_ms(std::int64_t ms) {
    std::int64_t secs = ms >= 0 ? ms / 1000 : (ms - 999) / 1000;
    std::int64_t days = secs >= 0 ? secs / 86400 : (secs - 86399) / 86400;
    std::int64_t rem = secs - days * 86400;
    int y;
    unsigned m, d;
    civil_from_days(days, y, m, d);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02dZ", y, m, d,
                  static_cast<int>(rem / 3600), static_cast<int>(rem % 3600 / 60),
                  static_cast<int>(rem % 60));
    return buf;
}

std::string iso8601(Clock::time_point t) {
    return iso8601_ms(to_ms(t));
}

std::string iso_date(Clock::time_point t) {
    return iso8601(t).substr(0, 10);
}

std::optional<std::int64_t> parse_iso_date(std::string_view s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') {
        return std::nullopt;
    }
    auto num = [&](std::size_t pos, std::size_t len) -> int {
        int v = 0;
        for (std::size_t i = pos; i < pos + len; ++i) {
            if (s[i] < '0' || s[i] > '9') {
                return -1;
            }
            v = v * 10 + (s[i] - '0');
        }
        return v;
    };
    int y = num(0, 4), m = num(5, 2), d = num(8, 2);
    if (y < 1970 || m < 1 || m > 12 || d < 1 || d > 31) {
        return std::nullopt;
    }
    auto days = days_from_civil(y, static_cast<unsigned>(m), static_cast<unsigned>(d));
    int y2;
    unsigned m2, d2;
    civil_from_days(days, y2, m2, d2);
    if (static_cast<int>(m2) != m) {
        return std::nullopt; // 2026-02-30 and the like
    }
    return days;
}

std::string_view str_or(const json::object& o, std::string_view key, std::string_view fallback) {
    auto* v = o.if_contains(key);
    return v && v->is_string() ? std::string_view(v->as_string()) : fallback;
}

Handler Router::wrap(Handler h) {
    return
        [h = std::move(h), faults = faults_](const httplib::Request& req, httplib::Response& res) {
            BodyFault body = BodyFault::none;
            struct InFlight {
                FaultInjector* f;
                explicit InFlight(FaultInjector* x) : f(x) {
                    if (f) {
                        f->request_started();
                    }
                }
                ~InFlight() {
                    if (f) {
                        f->request_finished();
                    }
                }
                InFlight(const InFlight&) = delete;
                InFlight& operator=(const InFlight&) = delete;
            } in_flight(faults && faults->enabled() ? faults : nullptr);
            if (faults && faults->before(req, res, body)) {
                return;
            }
            try {
                h(req, res);
            } catch (const std::exception& e) {
                diag::error(diag::Category::server, "handler failed for ", req.method, " ",
                            req.path, ": ", e.what());
                res.headers.erase("Content-Encoding");
                send_problem(res, req, 500, "internal-error", "Internal server error",
                             "The server could not complete the request.");
            }
            FaultInjector::after(req, res, body);
            if (faults) {
                faults->answered(req, res);
            }
        };
}

void Router::get(const std::string& p, Handler h) {
    server_.Get(p, wrap(std::move(h)));
}
void Router::post(const std::string& p, Handler h) {
    server_.Post(p, wrap(std::move(h)));
}
void Router::put(const std::string& p, Handler h) {
    server_.Put(p, wrap(std::move(h)));
}
void Router::patch(const std::string& p, Handler h) {
    server_.Patch(p, wrap(std::move(h)));
}
void Router::del(const std::string& p, Handler h) {
    server_.Delete(p, wrap(std::move(h)));
}

} // namespace cd::server
