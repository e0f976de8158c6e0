// The HTTP plumbing every route shares: JSON and problem-details answers (RFC 9457), body
// parsing, request ids, times in ISO 8601, and the Router that wraps each handler with fault
// injection and turns an escaped exception into a 500 problem instead of a dropped socket.
#pragma once

#include <boost/json.hpp>
#include <httplib.h>

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace cd::server {

namespace json = boost::json;
class FaultInjector;

inline constexpr std::string_view problem_base = "https://citizendesk.example.org/problems/";

// JSON text with doubles written the way people write them ("30.2723", not "3.02723E1").
std::string to_json_text(const json::value& v);
void send_json(httplib::Response& res, int status, const json::value& body);

// application/problem+json with type = problem_base + slug, instance = the request's path.
void send_problem(httplib::Response& res, const httplib::Request& req, int status,
                  std::string_view slug, std::string_view title, std::string_view detail,
                  json::object extra = {});

// The body as a JSON object, or nullopt (and a 400 problem already sent) when it is not one.
std::optional<json::object> json_body(const httplib::Request& req, httplib::Response& res);

// A query parameter as an integer in [lo, hi], or fallback when absent; nullopt when malformed.
std::optional<long long> int_param(const httplib::Request& req, const char* name,
                                   long long fallback, long long lo, long long hi);

std::string random_hex(std::size_t bytes);
std::string new_request_id();

using Clock = std::chrono::system_clock;
std::int64_t to_ms(Clock::time_point t);
Clock::time_point from_ms(std::int64_t ms);
std::string iso8601(Clock::time_point t); // 2026-11-28T12:00:00Z
std::string iso8601_ms(std::int64_t ms);
std::string iso_date(Clock::time_point t); // 2026-11-28 (UTC)
// Days since 1970-01-01 and back (proleptic Gregorian, UTC).
std::int64_t days_from_civil(int y, unsigned m, unsigned d);
void civil_from_days(std::int64_t z, int& y, unsigned& m, unsigned& d);
std::optional<std::int64_t> parse_iso_date(std::string_view text); // days since epoch

std::string_view str_or(const json::object& o, std::string_view key, std::string_view fallback);

using Handler = std::function<void(const httplib::Request&, httplib::Response&)>;

// Registers handlers on the server, each wrapped with faults and exception safety.
class Router {
public:
    Router(httplib::Server& server, FaultInjector* faults) : server_(server), faults_(faults) {}
    void get(const std::string& pattern, Handler h);
    void post(const std::string& pattern, Handler h);
    void put(const std::string& pattern, Handler h);
    void patch(const std::string& pattern, Handler h);
    void del(const std::string& pattern, Handler h);

private:
    Handler wrap(Handler h);
    httplib::Server& server_;
    FaultInjector* faults_;
};

} // namespace cd::server
