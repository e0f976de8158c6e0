// City profiles of the reference server's Open311 endpoint: the ways real GeoReport v2
// servers differ from the spec and from each other, so the client can be tested against each.
// "standard" is the spec with the servicerequestupdates extension; every other profile changes
// one thing. Chosen with `citizendesk-platform --open311-profile NAME`, or at run time through
// the fault control endpoint (POST /_faults/open311 {"profile": NAME}, loopback only).
#pragma once

#include <boost/json/fwd.hpp>

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace httplib {
struct Response;
}

namespace cd::server {

class Router;
struct ServerContext;

struct Open311Profile {
    std::string name = "standard";
    bool updates = true;             // the servicerequestupdates extension (else 404)
    bool multiple_media = true;      // else a second `media` part fails after the ticket is stored
    bool service_fields = true;      // service_code and service_name in request records
    int offset_minutes = 0;          // times written in this offset
    bool error_object = false;       // errors as {"message": ...}, a bad service code as 403
    bool token_only = false;         // POST answers a token only (tokens/{token}.json resolves)
    std::string value_keys = "text"; // attribute value keys: "text", "number", "object"
    bool date_filters = true;        // start_date and end_date honoured
    bool upper_status = false;       // "Open" and "CLOSED"
    bool strict = false;             // jurisdiction_id required everywhere, api_key checked
};

// The jurisdiction and key a "strict-auth" city insists on.
inline constexpr const char* strict_jurisdiction_id = "haichuan.example.gov.cn";
inline constexpr const char* strict_api_key = "haichuan-311-key";

std::optional<Open311Profile> open311_profile(std::string_view name);
const std::vector<std::string>& open311_profile_names();

// The profile in force; switched while serving.
class Open311ProfileHolder {
public:
    Open311ProfileHolder();
    std::shared_ptr<const Open311Profile> get() const;
    bool set(std::string_view name); // false: no such profile
private:
    mutable std::mutex mutex_;
    std::shared_ptr<const Open311Profile> current_;
};

// An error answer in the profile's shape: [{"code", "description"}] or {"message"}.
void send_open311_error(httplib::Response& res, const Open311Profile& p, int status,
                        const std::string& description);
// A time in the profile's offset: "2026-10-02T09:12:00+08:00", or "...Z".
std::string open311_time(const Open311Profile& p, std::int64_t ms);
std::string open311_status(const Open311Profile& p, const std::string& status);
// The values of a list attribute ("key:name|key:name") with keys in the profile's shape, and
// whether a posted value names one of them.
boost::json::array open311_values(const Open311Profile& p, const char* values);
bool open311_value_listed(const Open311Profile& p, const char* values, const std::string& posted);

// GET/POST /_faults/open311: the profile in force and the ones there are; {"profile": NAME}
// switches. Loopback only; registered only when faults are on.
void add_open311_profile_control(Router& r, ServerContext& ctx);

} // namespace cd::server
