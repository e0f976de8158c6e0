#include "api/platform_client.h"

#include "api/form_encoding.h"
#include "api/multipart.h"
#include "api/platform_parser.h"
#include "api/problem_details.h"
#include "diag/log.h"

#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

namespace cd::api {

// One logical call: what to send, and whether it needs the session.
struct Call {
    net::Method method = net::Method::get;
    std::string path; // with the query
    std::string body;
    std::string content_type;
    bool authenticated = false;
    std::optional<std::string> idempotency_key;
    std::string if_none_match;
    bool cacheable = false;
};

using RawDone = std::function<void(Result<net::Response>)>;

struct PlatformClient::State : std::enable_shared_from_this<PlatformClient::State> {
    // Weak: a completion callback may hold the last reference to this State, and the
    // HttpClient must never be destroyed on its own worker thread (it joins that thread).
    // The PlatformClient holds the strong reference.
    std::weak_ptr<net::HttpClient> http;
    PlatformConfig config;
    SessionHolder session;

    net::Request build(const Call& c, const std::string& token) const {
        net::Request r;
        r.method = c.method;
        r.url = config.base_url + c.path;
        r.headers.set("Accept", "application/json");
        if (!c.content_type.empty()) {
            r.headers.set("Content-Type", c.content_type);
        }
        if (c.authenticated) {
            r.headers.set("Authorization", "Bearer " + token);
        }
        if (!c.if_none_match.empty()) {
            r.headers.set("If-None-Match", c.if_none_match);
        }
        r.body = c.body;
        r.timeouts = config.timeouts;
        r.idempotency_key = c.idempotency_key;
        r.cacheable = c.cacheable;
        return r;
    }

    // Sends, and on a 401 to an authenticated call refreshes once and replays once.
    void send(std::shared_ptr<const Call> c, bool replay, RawDone done) {
        const auto access = session.access();
        if (c->authenticated && access.token.empty()) {
            Error e = make_error(ErrorKind::auth, "not signed in: " + c->path);
            done(e);
            return;
        }
        auto self = shared_from_this();
        auto client = http.lock();
        if (!client) {
            done(make_error(ErrorKind::cancelled, "the platform client is gone"));
            return;
        }
        client->send(build(*c, access.token), [self, c, replay, generation = access.generation,
                                               done = std::move(done)](Result<net::Response> r) {
            if (!c->authenticated || replay || !r.ok() || r->status != 401) {
                done(std::move(r));
                return;
            }
            diag::info(diag::Category::api, "401 on ", to_string(c->method), ' ', c->path,
                       ": refreshing the session once");
            const bool leader =
                self->session.begin_refresh(generation, [self, c, done](Status refreshed) {
                    if (!refreshed.ok()) {
                        done(refreshed.error());
                        return;
                    }
                    self->send(c, true, done);
                });
            if (leader) {
                self->start_refresh();
            }
        });
    }

    // POST /v1/session/refresh with the held refresh token; wakes the holder's waiters.
    void start_refresh() {
        const std::string token = session.refresh_token();
        if (token.empty()) {
            session.finish_refresh(make_error(ErrorKind::auth, "no refresh token"));
            return;
        }
        Call c;
        c.method = net::Method::post;
        c.path = "/v1/session/refresh";
        c.content_type = "application/json";
        c.body = boost::json::serialize(boost::json::object{{"refresh_token", token}});
        auto self = shared_from_this();
        auto client = http.lock();
        if (!client) {
            session.finish_refresh(make_error(ErrorKind::cancelled, "the platform client is gone"));
            return;
        }
        client->send(build(c, {}), [self](Result<net::Response> r) {
            if (!r.ok()) {
                self->session.finish_refresh(r.error());
                return;
            }
            if (!r->ok()) {
                Error e = error_from_response(*r);
                if (r->status >= 400 && r->status < 500) {
                    e.kind = ErrorKind::auth; // refused: the session is over
                    e.retryable = false;
                    e.user_message = msg(N_("Your session has ended. Please sign in again."));
                }
                diag::warn(diag::Category::api, "session refresh refused: ", r->status);
                self->session.finish_refresh(e);
                return;
            }
            auto tokens = parse_token_pair(r->body, std::chrono::system_clock::now());
            if (tokens.ok()) {
                diag::info(diag::Category::api, "session refreshed");
            }
            self->session.finish_refresh(std::move(tokens));
        });
    }
};

namespace {

using State = PlatformClient::State;

template <class T> using Parse = std::function<Result<T>(const net::Response&)>;

// Support needs the field that broke the contract ("bills[2].amount_fen") in the log.
template <class T> Parse<T> logged_on_refusal(Parse<T> parse, const Call& call) {
    std::string what = std::string(to_string(call.method)) + ' ' + call.path;
    return [parse = std::move(parse), what = std::move(what)](const net::Response& r) {
        auto parsed = parse(r);
        if (!parsed.ok()) {
            diag::warn(diag::Category::api, "refused the answer to ", what, " (request ",
                       r.request_id, "): ", parsed.error().detail);
        }
        return parsed;
    };
}

template <class T>
void run(const std::shared_ptr<State>& state, Call call, Parse<T> parse,
         std::function<void(Result<T>)> done) {
    // A 304 is an answer only to a conditional request the caller made itself.
    const bool conditional = !call.if_none_match.empty();
    parse = logged_on_refusal(std::move(parse), call);
    state->send(
        std::make_shared<const Call>(std::move(call)), false,
        [conditional, parse = std::move(parse), done = std::move(done)](Result<net::Response> r) {
            if (!r.ok()) {
                done(r.error());
                return;
            }
            if (!r->ok() && !(conditional && r->status == 304)) {
                done(error_from_response(*r));
                return;
            }
            done(tagged(parse(*r), *r));
        });
}

template <class T> Parse<T> body_parser(Result<T> (*parse)(std::string_view)) {
    return [parse](const net::Response& r) {
        return parse(r.body);
    };
}

Call get(std::string path, bool authenticated = false) {
    Call c;
    c.path = std::move(path);
    c.authenticated = authenticated;
    return c;
}

Call json_call(net::Method method, std::string path, const boost::json::object& body,
               bool authenticated) {
    Call c;
    c.method = method;
    c.path = std::move(path);
    c.body = boost::json::serialize(body);
    c.content_type = "application/json";
    c.authenticated = authenticated;
    return c;
}

std::string with_query(std::string path, const FormFields& query) {
    FormFields present;
    for (const auto& field : query) {
        if (!field.second.empty()) {
            present.push_back(field);
        }
    }
    return present.empty() ? path : path + "?" + form_encode(present);
}

Parse<cd::Done> no_content() {
    return [](const net::Response&) -> Result<cd::Done> {
        return cd::Done{};
    };
}

Error invalid(std::string detail, Message words) {
    Error e = make_error(ErrorKind::validation, std::move(detail));
    e.user_message = std::move(words);
    return e;
}

} // namespace

bool payment_outcome_unknown(const Error& error) {
    switch (error.kind) {
    case ErrorKind::network:
    case ErrorKind::timeout:
    case ErrorKind::protocol:
    case ErrorKind::cancelled: // it may have left before the cancel
        return true;
    case ErrorKind::http_status:
        return error.http_status >= 500 || error.http_status == 0;
    default:
        return false;
    }
}

PlatformClient::PlatformClient(std::shared_ptr<net::HttpClient> http, PlatformConfig config)
    : http_(std::move(http)), state_(std::make_shared<State>()) {
    state_->http = http_;
    state_->config = std::move(config);
    while (!state_->config.base_url.empty() && state_->config.base_url.back() == '/') {
        state_->config.base_url.pop_back();
    }
}

const std::string& PlatformClient::base_url() const {
    return state_->config.base_url;
}

bool PlatformClient::signed_in() const {
    return state_->session.signed_in();
}

std::string PlatformClient::citizen_id() const {
    auto tokens = state_->session.tokens();
    return tokens ? tokens->citizen_id : std::string();
}

void PlatformClient::restore(SessionTokens tokens) {
    state_->session.set(std::move(tokens));
}

void PlatformClient::forget_session() {
    state_->session.clear();
}

void PlatformClient::set_token_listener(SessionHolder::TokenListener listener) {
    state_->session.set_token_listener(std::move(listener));
}

// ---- public information ------------------------------------------------------------------

void PlatformClient::city(Done<City> done) {
    run<City>(state_, get("/v1/city"), body_parser(parse_city), std::move(done));
}

void PlatformClient::catalog(const CatalogQuery& query, Done<CatalogFetch> done) {
    Call c = get(with_query(
        "/v1/catalog",
        {{"since", query.known_version > 0 ? std::to_string(query.known_version) : ""}}));
    c.if_none_match = query.etag;
    c.cacheable = query.etag.empty(); // the HttpClient's EtagCache, when it has one
    run<CatalogFetch>(
        state_, std::move(c),
        [](const net::Response& r) -> Result<CatalogFetch> {
            CatalogFetch fetch;
            fetch.bytes = r.bytes;
            fetch.from_cache = r.from_cache;
            if (r.status == 304) {
                fetch.not_modified = true;
                return fetch;
            }
            auto parsed = parse_catalog(r.body);
            if (!parsed.ok()) {
                return parsed.error();
            }
            fetch.catalog = std::move(*parsed);
            fetch.catalog->etag = r.headers.get("ETag").value_or("");
            return fetch;
        },
        [done = std::move(done)](Result<CatalogFetch> r) { done(std::move(r)); });
}

void PlatformClient::service_guide(const std::string& id, Done<ServiceGuide> done) {
    run<ServiceGuide>(state_, get("/v1/services/" + percent_encode(id)),
                      body_parser(parse_service_guide), std::move(done));
}

void PlatformClient::fetch_service_guide(const std::string& id, const std::string& etag,
                                         Done<GuideFetch> done) {
    Call c = get("/v1/services/" + percent_encode(id));
    c.if_none_match = etag;
    run<GuideFetch>(
        state_, std::move(c),
        [](const net::Response& r) -> Result<GuideFetch> {
            GuideFetch fetch;
            if (r.status == 304) {
                fetch.not_modified = true;
                return fetch;
            }
            auto parsed = parse_service_guide(r.body);
            if (!parsed.ok()) {
                return parsed.error();
            }
            fetch.guide = std::move(*parsed);
            fetch.body = r.body;
            fetch.etag = r.headers.get("ETag").value_or("");
            return fetch;
        },
        std::move(done));
}

std::string PlatformClient::service_guide_url(const std::string& id) const {
    return state_->config.base_url + "/v1/services/" + percent_encode(id);
}

std::string PlatformClient::service_page_url(const std::string& id) const {
    return state_->config.base_url + "/services/" + percent_encode(id);
}

void PlatformClient::halls(const std::string& district, Done<std::vector<Hall>> done) {
    run<std::vector<Hall>>(state_, get(with_query("/v1/halls", {{"district", district}})),
                           body_parser(parse_halls), std::move(done));
}

void PlatformClient::hall(const std::string& id, Done<Hall> done) {
    run<Hall>(state_, get("/v1/halls/" + percent_encode(id)), body_parser(parse_hall),
              std::move(done));
}

void PlatformClient::slots(const std::string& hall_id, const std::string& date,
                           Done<SlotList> done) {
    run<SlotList>(
        state_,
        get(with_query("/v1/halls/" + percent_encode(hall_id) + "/slots", {{"date", date}})),
        body_parser(parse_slots), std::move(done));
}

void PlatformClient::weather(const std::string& district, Done<Forecast> done) {
    run<Forecast>(state_, get(with_query("/v1/life/weather", {{"district", district}})),
                  body_parser(parse_forecast), std::move(done));
}

void PlatformClient::air_quality(const std::string& district, Done<AirQuality> done) {
    run<AirQuality>(state_, get(with_query("/v1/life/air-quality", {{"district", district}})),
                    body_parser(parse_air_quality), std::move(done));
}

void PlatformClient::holidays(int year, Done<Holidays> done) {
    run<Holidays>(state_, get("/v1/life/holidays/" + std::to_string(year)),
                  body_parser(parse_holidays), std::move(done));
}

void PlatformClient::stations(const std::string& district, Done<std::vector<Station>> done) {
    run<std::vector<Station>>(state_,
                              get(with_query("/v1/life/stations", {{"district", district}})),
                              body_parser(parse_stations), std::move(done));
}

void PlatformClient::news(int limit, int offset, Done<NewsPage> done) {
    run<NewsPage>(state_,
                  get(with_query("/v1/life/news", {{"limit", std::to_string(limit)},
                                                   {"offset", std::to_string(offset)}})),
                  body_parser(parse_news), std::move(done));
}

// ---- session -----------------------------------------------------------------------------

namespace {

void sign_in(const std::shared_ptr<State>& state, boost::json::object body,
             PlatformClient::Done<SessionTokens> done) {
    run<SessionTokens>(
        state, json_call(net::Method::post, "/v1/session", body, false),
        [state](const net::Response& r) -> Result<SessionTokens> {
            auto tokens = parse_token_pair(r.body, std::chrono::system_clock::now());
            if (tokens.ok()) {
                state->session.set(*tokens);
                diag::info(diag::Category::api, "signed in");
            }
            return tokens;
        },
        std::move(done));
}

} // namespace

void PlatformClient::login(const std::string& phone, const std::string& password,
                           Done<SessionTokens> done) {
    sign_in(state_, {{"phone", phone}, {"password", password}}, std::move(done));
}

void PlatformClient::request_code(const std::string& phone, Done<CodeSent> done) {
    run<CodeSent>(state_,
                  json_call(net::Method::post, "/v1/session/code", {{"phone", phone}}, false),
                  body_parser(parse_code_sent), std::move(done));
}

void PlatformClient::login_with_code(const std::string& phone, const std::string& code,
                                     Done<SessionTokens> done) {
    sign_in(state_, {{"phone", phone}, {"code", code}}, std::move(done));
}

void PlatformClient::refresh(Done<SessionTokens> done) {
    auto state = state_;
    const auto generation = state->session.access().generation;
    const bool leader = state->session.begin_refresh(generation, [state, done](Status s) {
        if (!s.ok()) {
            done(s.error());
            return;
        }
        auto tokens = state->session.tokens();
        if (!tokens) {
            done(make_error(ErrorKind::auth, "signed out during the refresh"));
            return;
        }
        done(*tokens);
    });
    if (leader) {
        state->start_refresh();
    }
}

void PlatformClient::logout(Done<cd::Done> done) {
    Call c;
    c.method = net::Method::del;
    c.path = "/v1/session";
    c.authenticated = true;
    auto state = state_;
    run<cd::Done>(state_, std::move(c), no_content(),
                  [state, done = std::move(done)](Result<cd::Done> r) {
                      state->session.clear();
                      done(std::move(r));
                  });
}

// ---- the signed-in citizen ---------------------------------------------------------------

void PlatformClient::me(Done<Profile> done) {
    run<Profile>(state_, get("/v1/me", true), body_parser(parse_profile), std::move(done));
}

void PlatformClient::accounts(Done<std::vector<Account>> done) {
    run<std::vector<Account>>(state_, get("/v1/accounts", true), body_parser(parse_accounts),
                              std::move(done));
}

void PlatformClient::add_account(const NewAccount& account, Done<Account> done) {
    boost::json::object body{{"kind", account.kind}, {"number", account.number}};
    if (!account.label.empty()) {
        body["label"] = account.label;
    }
    run<Account>(state_, json_call(net::Method::post, "/v1/accounts", std::move(body), true),
                 body_parser(parse_account), std::move(done));
}

void PlatformClient::remove_account(const std::string& id, Done<cd::Done> done) {
    Call c;
    c.method = net::Method::del;
    c.path = "/v1/accounts/" + percent_encode(id);
    c.authenticated = true;
    run<cd::Done>(state_, std::move(c), no_content(), std::move(done));
}

void PlatformClient::bills(const std::string& status, Done<BillList> done) {
    run<BillList>(state_, get(with_query("/v1/bills", {{"status", status}}), true),
                  body_parser(parse_bills), std::move(done));
}

void PlatformClient::bill(const std::string& id, Done<Bill> done) {
    run<Bill>(state_, get("/v1/bills/" + percent_encode(id), true), body_parser(parse_bill),
              std::move(done));
}

void PlatformClient::pay(const PaymentOrder& order, Done<Payment> done) {
    if (order.idempotency_key.empty() || order.bill_id.empty() || order.amount.fen <= 0) {
        done(invalid("payment order without key, bill or positive amount",
                     msg(N_("This payment cannot be sent: the bill or the amount is missing."))));
        return;
    }
    Call c = json_call(net::Method::post, "/v1/payments",
                       {{"bill_id", order.bill_id}, {"amount_fen", order.amount.fen}}, true);
    c.idempotency_key = order.idempotency_key;
    run<Payment>(
        state_, std::move(c),
        [](const net::Response& r) -> Result<Payment> {
            auto p = parse_payment(r.body);
            if (p.ok()) {
                p->replayed = r.headers.get("Idempotent-Replayed").value_or("") == "true";
            }
            return p;
        },
        std::move(done));
}

void PlatformClient::payments(Done<std::vector<Payment>> done) {
    run<std::vector<Payment>>(state_, get("/v1/payments", true), body_parser(parse_payments),
                              std::move(done));
}

void PlatformClient::payment(const std::string& id, Done<Payment> done) {
    run<Payment>(state_, get("/v1/payments/" + percent_encode(id), true),
                 body_parser(parse_payment), std::move(done));
}

void PlatformClient::receipt(const std::string& payment_id, Done<Receipt> done) {
    run<Receipt>(state_, get("/v1/payments/" + percent_encode(payment_id) + "/receipt", true),
                 body_parser(parse_receipt), std::move(done));
}

void PlatformClient::applications(Done<std::vector<Application>> done) {
    run<std::vector<Application>>(state_, get("/v1/applications", true),
                                  body_parser(parse_applications), std::move(done));
}

void PlatformClient::application(const std::string& id, Done<Application> done) {
    run<Application>(state_, get("/v1/applications/" + percent_encode(id), true),
                     body_parser(parse_application), std::move(done));
}

void PlatformClient::submit_application(const NewApplication& application, Done<Application> done) {
    std::vector<MultipartPart> parts{{"service_id", "", "", application.service_id},
                                     {"form", "", "application/json", application.form_json}};
    for (const auto& a : application.attachments) {
        parts.push_back({"attachments", a.filename,
                         a.content_type.empty() ? "application/octet-stream" : a.content_type,
                         a.content});
    }
    auto encoded = encode_multipart(parts);
    Call c;
    c.method = net::Method::post;
    c.path = "/v1/applications";
    c.authenticated = true;
    c.content_type = std::move(encoded.content_type);
    c.body = std::move(encoded.body);
    if (!application.idempotency_key.empty()) {
        c.idempotency_key = application.idempotency_key;
    }
    run<Application>(state_, std::move(c), body_parser(parse_application), std::move(done));
}

void PlatformClient::appointments(Done<std::vector<Appointment>> done) {
    run<std::vector<Appointment>>(state_, get("/v1/appointments", true),
                                  body_parser(parse_appointments), std::move(done));
}

void PlatformClient::appointment(const std::string& id, Done<Appointment> done) {
    run<Appointment>(state_, get("/v1/appointments/" + percent_encode(id), true),
                     body_parser(parse_appointment), std::move(done));
}

void PlatformClient::book(const std::string& slot_id, const std::string& service_id,
                          Done<Appointment> done) {
    run<Appointment>(state_,
                     json_call(net::Method::post, "/v1/appointments",
                               {{"slot_id", slot_id}, {"service_id", service_id}}, true),
                     body_parser(parse_appointment), std::move(done));
}

void PlatformClient::move_appointment(const std::string& id, const std::string& slot_id,
                                      Done<Appointment> done) {
    run<Appointment>(state_,
                     json_call(net::Method::patch, "/v1/appointments/" + percent_encode(id),
                               {{"slot_id", slot_id}}, true),
                     body_parser(parse_appointment), std::move(done));
}

void PlatformClient::cancel_appointment(const std::string& id, Done<cd::Done> done) {
    Call c;
    c.method = net::Method::del;
    c.path = "/v1/appointments/" + percent_encode(id);
    c.authenticated = true;
    run<cd::Done>(state_, std::move(c), no_content(), std::move(done));
}

} // namespace cd::api
