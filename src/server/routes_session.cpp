// Session: password and one-time-code sign-in, bearer tokens with expiry, refresh with
// rotation, sign-out, and the citizen's profile.
#include "server/server_context.h"

#include "core/phone_number.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>

namespace cd::server {
namespace {

constexpr int pbkdf2_iterations = 20000;
constexpr std::int64_t code_interval_ms = 60000;
constexpr int max_failed_logins = 5;
constexpr std::int64_t failed_login_window_ms = 5 * 60000;

// After five failures within five minutes a phone must wait until the window ends.
bool throttled(ServerContext& ctx, const std::string& phone, const httplib::Request& req,
               httplib::Response& res) {
    std::lock_guard lock(ctx.otp_mutex);
    auto now = to_ms(Clock::now());
    auto& f = ctx.failed_logins[phone];
    if (now - f.window_start_ms >= failed_login_window_ms) {
        f = {};
    }
    if (f.count < max_failed_logins) {
        return false;
    }
    auto wait = (f.window_start_ms + failed_login_window_ms - now + 999) / 1000;
    res.set_header("Retry-After", std::to_string(wait));
    send_problem(res, req, 429, "rate-limited", "Too many requests",
                 "Too many failed sign-ins for this phone; wait before trying again.");
    return true;
}

void record_failure(ServerContext& ctx, const std::string& phone) {
    std::lock_guard lock(ctx.otp_mutex);
    auto& f = ctx.failed_logins[phone];
    if (f.count == 0) {
        f.window_start_ms = to_ms(Clock::now());
    }
    ++f.count;
}

std::string hex(const unsigned char* p, std::size_t n) {
    static const char* d = "0123456789abcdef";
    std::string s;
    for (std::size_t i = 0; i < n; ++i) {
        s += d[p[i] >> 4];
        s += d[p[i] & 15];
    }
    return s;
}

std::string derive(std::string_view password, std::string_view salt, int iterations) {
    unsigned char out[32];
    PKCS5_PBKDF2_HMAC(password.data(), static_cast<int>(password.size()),
                      reinterpret_cast<const unsigned char*>(salt.data()),
                      static_cast<int>(salt.size()), iterations, EVP_sha256(), sizeof out, out);
    auto h = hex(out, sizeof out);
    OPENSSL_cleanse(out, sizeof out);
    return h;
}

// Only the SHA-256 of a bearer token is stored: a copy of the database opens no session. The
// tokens are 256 random bits, so an unsalted fast hash is enough.
std::string token_digest(std::string_view token) {
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned int n = 0;
    EVP_Digest(token.data(), token.size(), out, &n, EVP_sha256(), nullptr);
    return hex(out, n);
}

std::string mask_phone(const std::string& p) {
    return p.size() == 11 ? p.substr(0, 3) + "****" + p.substr(7) : "***";
}

void send_unauthorized(httplib::Response& res, const httplib::Request& req, const char* slug,
                       const char* title, const char* detail) {
    res.set_header("WWW-Authenticate",
                   std::string("Bearer realm=\"citizendesk\", error=\"invalid_token\""));
    send_problem(res, req, 401, slug, title, detail);
}

json::object issue_tokens(ServerContext& ctx, const std::string& citizen) {
    auto now = to_ms(ctx.now());
    std::string access = random_hex(32), refresh = random_hex(32);
    ctx.db->prepare("INSERT INTO sessions VALUES(?,?,?,?,?,0)")
        .bind(1, token_digest(access))
        .bind(2, token_digest(refresh))
        .bind(3, citizen)
        .bind(4, now + ctx.options.access_token_seconds * 1000LL)
        .bind(5, now + ctx.options.refresh_token_seconds * 1000LL)
        .run();
    return {{"access_token", access},
            {"token_type", "Bearer"},
            {"expires_in", ctx.options.access_token_seconds},
            {"refresh_token", refresh},
            {"refresh_expires_in", ctx.options.refresh_token_seconds},
            {"citizen_id", citizen}};
}

std::optional<std::string> citizen_by_phone(ServerContext& ctx, const std::string& phone,
                                            std::string* stored_password) {
    auto st = ctx.db->prepare("SELECT id, password FROM citizens WHERE phone = ?");
    st.bind(1, phone);
    if (!st.step()) {
        return std::nullopt;
    }
    if (stored_password) {
        *stored_password = st.text(1);
    }
    return st.text(0);
}

void login(ServerContext& ctx, const httplib::Request& req, httplib::Response& res) {
    auto body = json_body(req, res);
    if (!body) {
        return;
    }
    auto phone = normalize_mobile_number(str_or(*body, "phone", ""));
    std::string password(str_or(*body, "password", ""));
    std::string code(str_or(*body, "code", ""));
    if (!phone || (password.empty() == code.empty())) {
        send_problem(res, req, 422, "validation-failed", "Invalid sign-in request",
                     "Send a valid mobile phone and either a password or a one-time code.");
        return;
    }
    if (throttled(ctx, *phone, req, res)) {
        return;
    }
    auto lock = ctx.db->lock();
    std::string stored;
    auto citizen = citizen_by_phone(ctx, *phone, &stored);
    bool ok = citizen &&
              (password.empty() ? code == demo_one_time_code : check_password(password, stored));
    if (!ok) {
        record_failure(ctx, *phone);
        send_problem(res, req, 401, "invalid-credentials", "Wrong phone number or password",
                     "The phone number, password or code does not match.");
        return;
    }
    send_json(res, 201, issue_tokens(ctx, *citizen));
}

void send_code(ServerContext& ctx, const httplib::Request& req, httplib::Response& res) {
    auto body = json_body(req, res);
    if (!body) {
        return;
    }
    auto phone = normalize_mobile_number(str_or(*body, "phone", ""));
    if (!phone) {
        send_problem(res, req, 422, "validation-failed", "Invalid phone number",
                     "Send a valid mainland mobile number.");
        return;
    }
    auto now = to_ms(Clock::now());
    {
        std::lock_guard lock(ctx.otp_mutex);
        auto& last = ctx.otp_sent_ms[*phone];
        if (last != 0 && now - last < code_interval_ms) {
            auto wait = (code_interval_ms - (now - last) + 999) / 1000;
            res.set_header("Retry-After", std::to_string(wait));
            send_problem(res, req, 429, "rate-limited", "Too many requests",
                         "A code was sent less than a minute ago; wait before asking again.");
            return;
        }
        last = now;
    }
    // The reference server sends no SMS: the code is the documented demo code.
    send_json(res, 202, {{"expires_in", 300}, {"resend_after", code_interval_ms / 1000}});
}

void refresh(ServerContext& ctx, const httplib::Request& req, httplib::Response& res) {
    auto body = json_body(req, res);
    if (!body) {
        return;
    }
    std::string token(str_or(*body, "refresh_token", ""));
    auto lock = ctx.db->lock();
    Transaction tx(*ctx.db);
    auto st = ctx.db->prepare(
        "SELECT citizen_id, refresh_expires_ms, revoked FROM sessions WHERE refresh_digest = ?");
    st.bind(1, token_digest(token));
    if (token.empty() || !st.step() || st.integer(2) != 0 || st.integer(1) < to_ms(ctx.now())) {
        send_unauthorized(res, req, "invalid-refresh-token", "Session ended",
                          "The refresh token is unknown, used or expired; sign in again.");
        return;
    }
    std::string citizen = st.text(0);
    ctx.db->prepare("UPDATE sessions SET revoked = 1 WHERE refresh_digest = ?")
        .bind(1, token_digest(token))
        .run();
    auto tokens = issue_tokens(ctx, citizen);
    tx.commit();
    send_json(res, 201, tokens);
}

void logout(ServerContext& ctx, const httplib::Request& req, httplib::Response& res) {
    if (!authenticate(ctx, req, res)) {
        return;
    }
    auto token = req.get_header_value("Authorization").substr(7);
    auto lock = ctx.db->lock();
    ctx.db->prepare("UPDATE sessions SET revoked = 1 WHERE access_digest = ?")
        .bind(1, token_digest(token))
        .run();
    res.status = 204;
}

void me(ServerContext& ctx, const httplib::Request& req, httplib::Response& res) {
    auto citizen = authenticate(ctx, req, res);
    if (!citizen) {
        return;
    }
    auto lock = ctx.db->lock();
    auto st = ctx.db->prepare("SELECT id, phone, name_zh, name_en, resident_id_masked, district, "
                              "balance_fen FROM citizens WHERE id = ?");
    st.bind(1, *citizen);
    st.step();
    send_json(res, 200,
              {{"id", st.text(0)},
               {"phone_masked", mask_phone(st.text(1))},
               {"name", {{"zh", st.text(2)}, {"en", st.text(3)}}},
               {"resident_id_masked", st.text(4)},
               {"district", st.text(5)},
               {"wallet_balance_fen", st.integer(6)}});
}

} // namespace

std::string password_hash(std::string_view password, std::string_view salt) {
    return "pbkdf2-sha256$" + std::to_string(pbkdf2_iterations) + "$" + std::string(salt) + "$" +
           derive(password, salt, pbkdf2_iterations);
}

bool check_password(std::string_view password, const std::string& stored) {
    auto a = stored.find('$'), b = stored.find('$', a + 1), c = stored.find('$', b + 1);
    if (a == std::string::npos || b == std::string::npos || c == std::string::npos) {
        return false;
    }
    int iterations = std::stoi(stored.substr(a + 1, b - a - 1));
    std::string want = stored.substr(c + 1);
    std::string got = derive(password, stored.substr(b + 1, c - b - 1), iterations);
    return want.size() == got.size() && CRYPTO_memcmp(want.data(), got.data(), got.size()) == 0;
}

std::optional<std::string> authenticate(ServerContext& ctx, const httplib::Request& req,
                                        httplib::Response& res) {
    auto header = req.get_header_value("Authorization");
    if (header.size() <= 7 || header.compare(0, 7, "Bearer ") != 0) {
        send_unauthorized(res, req, "unauthorized", "Sign-in required",
                          "Send a bearer token in the Authorization header.");
        return std::nullopt;
    }
    auto lock = ctx.db->lock();
    auto st = ctx.db->prepare(
        "SELECT citizen_id, access_expires_ms, revoked FROM sessions WHERE access_digest = ?");
    st.bind(1, token_digest(header.substr(7)));
    if (!st.step() || st.integer(2) != 0) {
        send_unauthorized(res, req, "invalid-token", "Sign-in required",
                          "The token is unknown or was revoked; sign in again.");
        return std::nullopt;
    }
    if (st.integer(1) <= to_ms(ctx.now())) {
        send_unauthorized(res, req, "token-expired", "Session expired",
                          "The access token has expired; refresh it or sign in again.");
        return std::nullopt;
    }
    return st.text(0);
}

void add_session_routes(Router& r, ServerContext& ctx) {
    r.post("/v1/session", [&ctx](auto& req, auto& res) { login(ctx, req, res); });
    r.post("/v1/session/code", [&ctx](auto& req, auto& res) { send_code(ctx, req, res); });
    r.post("/v1/session/refresh", [&ctx](auto& req, auto& res) { refresh(ctx, req, res); });
    r.del("/v1/session", [&ctx](auto& req, auto& res) { logout(ctx, req, res); });
    r.get("/v1/me", [&ctx](auto& req, auto& res) { me(ctx, req, res); });
}

} // namespace cd::server
