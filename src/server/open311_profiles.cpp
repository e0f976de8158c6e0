#include "server/open311_profiles.h"

#include "server/http_io.h"
#include "server/open311_services.h"
#include "server/server_context.h"

#include <boost/json.hpp>

#include <cstdlib>

namespace cd::server {
namespace {

std::vector<Open311Profile> make_profiles() {
    std::vector<Open311Profile> out;
    auto add = [&out](const char* name, auto change) {
        Open311Profile p;
        p.name = name;
        change(p);
        out.push_back(std::move(p));
    };
    add("standard", [](Open311Profile&) {});
    add("no-updates", [](Open311Profile& p) { p.updates = false; });
    add("one-media", [](Open311Profile& p) { p.multiple_media = false; });
    add("bare-records", [](Open311Profile& p) { p.service_fields = false; });
    add("offset-plus8", [](Open311Profile& p) { p.offset_minutes = 8 * 60; });
    add("offset-minus5", [](Open311Profile& p) { p.offset_minutes = -5 * 60; });
    add("error-object", [](Open311Profile& p) { p.error_object = true; });
    add("token-only", [](Open311Profile& p) { p.token_only = true; });
    add("number-keys", [](Open311Profile& p) { p.value_keys = "number"; });
    add("object-keys", [](Open311Profile& p) { p.value_keys = "object"; });
    add("ignores-dates", [](Open311Profile& p) { p.date_filters = false; });
    add("status-case", [](Open311Profile& p) { p.upper_status = true; });
    add("strict-auth", [](Open311Profile& p) { p.strict = true; });
    return out;
}

const std::vector<Open311Profile>& profiles() {
    static const std::vector<Open311Profile> all = make_profiles();
    return all;
}

std::string two(long long v) {
    return (v < 10 ? "0" : "") + std::to_string(v);
}

} // namespace

std::optional<Open311Profile> open311_profile(std::string_view name) {
    for (const auto& p : profiles()) {
        if (p.name == name) {
            return p;
        }
    }
    return std::nullopt;
}

const std::vector<std::string>& open311_profile_names() {
    static const std::vector<std::string> names = [] {
        std::vector<std::string> out;
        for (const auto& p : profiles()) {
            out.push_back(p.name);
        }
        return out;
    }();
    return names;
}

Open311ProfileHolder::Open311ProfileHolder() : current_(std::make_shared<Open311Profile>()) {}

std::shared_ptr<const Open311Profile> Open311ProfileHolder::get() const {
    std::lock_guard lock(mutex_);
    return current_;
}

bool Open311ProfileHolder::set(std::string_view name) {
    auto p = open311_profile(name);
    if (!p) {
        return false;
    }
    std::lock_guard lock(mutex_);
    current_ = std::make_shared<Open311Profile>(std::move(*p));
    return true;
}

void send_open311_error(httplib::Response& res, const Open311Profile& p, int status,
                        const std::string& description) {
    if (p.error_object) {
        send_json(res, status, json::object{{"message", description}});
    } else {
        send_json(res, status, json::array{{{"code", status}, {"description", description}}});
    }
}

std::string open311_time(const Open311Profile& p, std::int64_t ms) {
    if (p.offset_minutes == 0) {
        return iso8601_ms(ms);
    }
    std::string local = iso8601_ms(ms + p.offset_minutes * 60000LL);
    local.pop_back(); // the Z
    const long long off = std::abs(p.offset_minutes);
    return local + (p.offset_minutes > 0 ? "+" : "-") + two(off / 60) + ":" + two(off % 60);
}

std::string open311_status(const Open311Profile& p, const std::string& status) {
    if (!p.upper_status) {
        return status;
    }
    return status == "closed" ? "CLOSED" : "Open";
}

json::array open311_values(const Open311Profile& p, const char* values) {
    json::array out = value_list(values);
    std::int64_t n = 0;
    for (auto& v : out) {
        auto& o = v.as_object();
        ++n;
        if (p.value_keys == "number") {
            o["key"] = n;
        } else if (p.value_keys == "object") {
            o["key"] = json::object{{"id", o["key"]}, {"label", o["name"]}};
        }
    }
    return out;
}

bool open311_value_listed(const Open311Profile& p, const char* values, const std::string& posted) {
    std::int64_t n = 0;
    for (const auto& v : value_list(values)) {
        ++n;
        const std::string key(v.as_object().at("key").as_string());
        if ((p.value_keys == "number" ? std::to_string(n) : key) == posted) {
            return true;
        }
    }
    return false;
}

void add_open311_profile_control(Router& r, ServerContext& ctx) {
    auto answer = [&ctx](httplib::Response& res) {
        json::array names;
        for (const auto& n : open311_profile_names()) {
            names.emplace_back(n);
        }
        send_json(res, 200, {{"profile", ctx.open311.get()->name}, {"profiles", std::move(names)}});
    };
    auto loopback = [](const httplib::Request& req, httplib::Response& res) {
        const auto& a = req.remote_addr;
        if (a == "127.0.0.1" || a == "::1" || a == "::ffff:127.0.0.1") {
            return true;
        }
        send_problem(res, req, 403, "forbidden", "Forbidden",
                     "The fault control endpoint answers loopback clients only.");
        return false;
    };
    r.get("/_faults/open311",
          [answer, loopback](const httplib::Request& req, httplib::Response& res) {
              if (loopback(req, res)) {
                  answer(res);
              }
          });
    r.post("/_faults/open311",
           [&ctx, answer, loopback](const httplib::Request& req, httplib::Response& res) {
               if (!loopback(req, res)) {
                   return;
               }
               auto body = json_body(req, res);
               if (!body) {
                   return;
               }
               if (!ctx.open311.set(str_or(*body, "profile", ""))) {
                   send_problem(res, req, 422, "unknown-open311-profile", "Unknown Open311 profile",
                                "Use one of the names GET /_faults/open311 lists.");
                   return;
               }
               answer(res);
           });
}

} // namespace cd::server
