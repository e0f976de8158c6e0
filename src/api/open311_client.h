// Open311 GeoReport v2 (JSON) over an HttpClient: discovery, services, service definitions,
// submitting and reading requests, tokens, and the servicerequestupdates extension. Callbacks
// run where the HttpClient calls them (its worker thread); each is called exactly once.
//
//   open311::Open311Client city(http, {.endpoint = "https://311.city.example/open311/v2",
//                                      .jurisdiction_id = "city.example"});
//   city.services([](cd::Result<std::vector<open311::Service>> r) { ... });
#pragma once

#include "api/open311_parser.h"
#include "api/open311_types.h"
#include "net/http_client.h"

#include <functional>
#include <memory>
#include <string>

namespace cd::api::open311 {

struct Open311Config {
    std::string endpoint;        // base URL of the GeoReport v2 endpoint, without trailing '/'
    std::string discovery_url;   // the city's discovery document (optional)
    std::string jurisdiction_id; // sent when set (required by multi-city servers)
    std::string api_key;         // sent with POSTs only, in the body; never logged
};

class Open311Client {
public:
    template <class T> using Done = std::function<void(Result<T>)>;

    Open311Client(std::shared_ptr<net::HttpClient> http, Open311Config config);

    net::RequestId discovery(Done<Discovery> done);
    net::RequestId services(Done<std::vector<Service>> done);
    net::RequestId service_definition(const std::string& service_code,
                                      Done<ServiceDefinition> done);
    // Validation errors are refused before anything is sent (no service code, no location).
    net::RequestId submit(const NewRequest& request, Done<CreatedRequest> done);
    net::RequestId requests(const RequestFilter& filter, Done<RequestList> done);
    // A city that answers an unknown id with an empty list gets a typed "not found" (404).
    net::RequestId request(const std::string& service_request_id, Done<ServiceRequest> done);
    net::RequestId token(const std::string& token, Done<std::vector<TokenAnswer>> done);
    // The updates of one request (extension: fetched since start_date, then filtered by id).
    net::RequestId updates(const std::string& service_request_id, const std::string& start_date,
                           Done<std::vector<RequestUpdate>> done);

    void cancel(net::RequestId id) { http_->cancel(id); }

private:
    std::string url(const std::string& path,
                    std::vector<std::pair<std::string, std::string>> query) const;
    template <class T>
    net::RequestId get(const std::string& url, std::function<Result<T>(const net::Response&)> parse,
                       Done<T> done);

    std::shared_ptr<net::HttpClient> http_;
    Open311Config config_;
};

// The Error for a non-2xx Open311 answer (its error list goes into the log detail). A 400, 403
// or 422 with the city's words is a validation error whose message quotes them (city_words).
Error error_from_open311_response(const net::Response& response);
// The same for an answer to a submitted report: "The city refused the report: <its words>".
Error refusal_from_open311_response(const net::Response& response);

} // namespace cd::api::open311
