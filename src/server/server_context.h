// What every route handler shares: the options, the database, the catalog and the clock.
// Built once by PlatformServer::start(); immutable apart from the database and the limiter.
#pragma once

#include "server/catalog_data.h"
#include "server/database.h"
#include "server/fault_injection.h"
#include "server/http_io.h"
#include "server/open311_profiles.h"
#include "server/platform_server.h"

#include <map>
#include <mutex>

namespace cd::server {

struct ServerContext {
    PlatformServerOptions options;
    std::unique_ptr<Database> db;
    Catalog catalog;
    FaultInjector faults;
    Open311ProfileHolder open311; // how the Open311 endpoint behaves (a city profile)
    Clock::time_point started = Clock::now();

    // "Now" for timelines and token lifetimes: the injected clock when there is one.
    Clock::time_point now() const { return options.clock ? options.clock() : Clock::now(); }
    // Timeline arithmetic: real time elapsed since `from`, in virtual (clock-speed) seconds.
    double virtual_seconds_since(std::int64_t from_ms) const {
        return static_cast<double>(to_ms(now()) - from_ms) / 1000.0 * options.clock_speed;
    }
    // The real instant at which `virtual_seconds` have passed since `from_ms`.
    std::int64_t real_ms_after(std::int64_t from_ms, double virtual_seconds) const {
        return from_ms + static_cast<std::int64_t>(virtual_seconds * 1000.0 / options.clock_speed);
    }

    // One-time-code throttle: phone -> when the last code was sent.
    std::mutex otp_mutex;
    std::map<std::string, std::int64_t> otp_sent_ms;
    // Failed sign-ins per phone within the current window (too eager -> 429).
    struct Failures {
        int count = 0;
        std::int64_t window_start_ms = 0;
    };
    std::map<std::string, Failures> failed_logins;
};

// The signed-in citizen for a request, or nullopt with a 401 problem already sent.
std::optional<std::string> authenticate(ServerContext& ctx, const httplib::Request& req,
                                        httplib::Response& res);

void add_catalog_routes(Router& r, ServerContext& ctx);
void add_session_routes(Router& r, ServerContext& ctx);
void add_payment_routes(Router& r, ServerContext& ctx);
void add_account_routes(Router& r, ServerContext& ctx); // POST/DELETE /v1/accounts
void add_application_routes(Router& r, ServerContext& ctx);
void add_appointment_routes(Router& r, ServerContext& ctx);
void add_life_routes(Router& r, ServerContext& ctx);
void add_open311_routes(Router& r, ServerContext& ctx);

// Creates the tables and, on a fresh file, the demo citizen with accounts, a year of bills
// and the public My Voice feed. Returns true when it seeded.
bool seed_database(Database& db, std::uint64_t seed);
void seed_reports(Database& db, std::uint64_t seed); // part of seed_database

// "pbkdf2-sha256$ITER$SALT$HASH"; check_password compares in constant time.
std::string password_hash(std::string_view password, std::string_view salt);
bool check_password(std::string_view password, const std::string& stored);

} // namespace cd::server
