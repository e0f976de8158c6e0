// The typed client of the platform contract (resources/api/platform.openapi.json) over an
// HttpClient. Callbacks run where the HttpClient calls them (its net thread), each exactly once;
// nothing throws. A non-2xx answer becomes an Error with its problem details
// (api::error_from_response); a broken answer an ErrorKind::protocol Error naming the field.
//
// Authenticated calls carry the session's bearer token. On 401 the client refreshes once with
// the refresh token (one refresh at a time for all calls) and replays the request once; when
// the refresh is refused the session is cleared and the call fails with ErrorKind::auth.
//
// Lifetime: calls in flight when the client is destroyed still complete (the HttpClient's
// owner decides when to cancel them); release the HttpClient after the PlatformClient, never
// from inside a callback.
//
// Payments: the caller's Idempotency-Key goes on every attempt (the ledger records it before the
// request leaves; the client never makes up a key). When pay() fails with an unknown outcome
// (payment_outcome_unknown()), calling pay() again with the same key and order resolves it: the
// server replays its first answer (Payment::replayed) or performs the one payment.
//
//   PlatformClient platform(http, {.base_url = "https://platform.city.example"});
//   platform.login(phone, password, [](cd::Result<SessionTokens> r) { ... });
//   platform.bills("due", [](cd::Result<BillList> r) { ... });
#pragma once

#include "api/platform_types.h"
#include "api/session_holder.h"
#include "net/http_client.h"

#include <functional>
#include <memory>
#include <optional>
#include <string>

namespace cd::api {

struct PlatformConfig {
    std::string base_url;                  // "https://platform.city.example", no trailing '/'
    std::optional<net::Timeouts> timeouts; // overrides the HttpClient's defaults per request
};

struct CatalogQuery {
    std::int64_t known_version = 0; // > 0: ask for the delta since that version (?since=)
    std::string etag;               // the ETag of the catalog held: a 304 means not_modified
};

struct PaymentOrder {
    std::string bill_id;
    Money amount;
    std::string idempotency_key; // required; the same for every try of this payment
};

// Whether a failed pay() may have been carried out: no answer (network, timeout, truncated or
// malformed body, cancelled in flight) or a 5xx. Resolve it by calling pay() again with the same
// order and key.
bool payment_outcome_unknown(const Error& error);

class PlatformClient {
public:
    template <class T> using Done = std::function<void(Result<T>)>;

    PlatformClient(std::shared_ptr<net::HttpClient> http, PlatformConfig config);

    // Where the platform is ("https://platform.city.example", no trailing '/'): a relative
    // Open311 endpoint in the city profile is resolved against it.
    const std::string& base_url() const;
    // The HttpClient it sends through: other clients of the same city (Open311) share it.
    const std::shared_ptr<net::HttpClient>& http() const { return http_; }

    // The session (sign-in state); restore() puts back tokens kept in the vault.
    bool signed_in() const;
    // Whose session the calls carry ('' when signed out): a call made for one citizen checks it
    // just before it leaves, so it never goes out with another citizen's token.
    std::string citizen_id() const;
    void restore(SessionTokens tokens);
    void forget_session();
    // Told of every new token pair (sign-in, restore, and a refresh that rotated the tokens,
    // also one made inside another call after a 401), on the net thread or the caller's.
    // One listener per client; empty removes it.
    void set_token_listener(SessionHolder::TokenListener listener);

    // Public information.
    void city(Done<City> done);
    void catalog(const CatalogQuery& query, Done<CatalogFetch> done);
    void service_guide(const std::string& id, Done<ServiceGuide> done);
    // The guide with its raw body and ETag, asked with If-None-Match when `etag` is set, so a
    // caller that keeps guides (offline forms) revalidates its copy instead of downloading it.
    void fetch_service_guide(const std::string& id, const std::string& etag, Done<GuideFetch> done);
    // The address fetch_service_guide() asks: the key a kept copy is filed under.
    std::string service_guide_url(const std::string& id) const;
    // The service's page for people, to open in a browser (never the JSON of service_guide_url).
    std::string service_page_url(const std::string& id) const;
    void halls(const std::string& district, Done<std::vector<Hall>> done); // "" = all
    void hall(const std::string& id, Done<Hall> done);
    void slots(const std::string& hall_id, const std::string& date, Done<SlotList> done);
    void weather(const std::string& district, Done<Forecast> done);
    void air_quality(const std::string& district, Done<AirQuality> done);
    void holidays(int year, Done<Holidays> done);
    void stations(const std::string& district, Done<std::vector<Station>> done);
    void news(int limit, int offset, Done<NewsPage> done);

    // Session. The tokens are also kept by the client for the calls below.
    void login(const std::string& phone, const std::string& password, Done<SessionTokens> done);
    void request_code(const std::string& phone, Done<CodeSent> done);
    void login_with_code(const std::string& phone, const std::string& code,
                         Done<SessionTokens> done);
    void refresh(Done<SessionTokens> done);
    void logout(Done<cd::Done> done); // the local session is forgotten whatever the answer

    // The signed-in citizen.
    void me(Done<Profile> done);
    void accounts(Done<std::vector<Account>> done);
    // A 409 (added already) and a 422 (unknown kind, malformed number) fail with their problem.
    void add_account(const NewAccount& account, Done<Account> done);
    void remove_account(const std::string& id, Done<cd::Done> done);
    void bills(const std::string& status, Done<BillList> done); // "", "due" or "paid"
    void bill(const std::string& id, Done<Bill> done);
    void pay(const PaymentOrder& order, Done<Payment> done);
    void payments(Done<std::vector<Payment>> done);
    void payment(const std::string& id, Done<Payment> done);
    void receipt(const std::string& payment_id, Done<Receipt> done);
    void applications(Done<std::vector<Application>> done);
    void application(const std::string& id, Done<Application> done);
    void submit_application(const NewApplication& application, Done<Application> done);
    void appointments(Done<std::vector<Appointment>> done);
    void appointment(const std::string& id, Done<Appointment> done);
    void book(const std::string& slot_id, const std::string& service_id, Done<Appointment> done);
    void move_appointment(const std::string& id, const std::string& slot_id,
                          Done<Appointment> done);
    void cancel_appointment(const std::string& id, Done<cd::Done> done);

    struct State; // shared with calls in flight, so they outlive the client safely

private:
    std::shared_ptr<net::HttpClient> http_;
    std::shared_ptr<State> state_;
};

} // namespace cd::api
