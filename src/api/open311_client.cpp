#include "api/open311_client.h"

#include "api/form_encoding.h"
#include "api/problem_details.h"
#include "core/wire_number.h"
#include "diag/log.h"

#include <algorithm>

namespace cd::api::open311 {
namespace {

std::string format_coordinate(double value) {
    return format_wire_number(value, 7); // about 1 cm; "%.7f" would write "30,27" in de_DE
}

Error not_found(const net::Response& response) {
    Error e = error_for_status(404, response.request_id);
    e.detail = "empty list where one request was asked for: not found";
    return e;
}

} // namespace

Error error_from_open311_response(const net::Response& response) {
    Error e = error_from_response(response);
    if (e.problem_type.empty()) {
        if (const auto described = describe_error_body(response.body); !described.empty()) {
            e.detail += ": " + described;
        }
        const auto words = city_words(response.body);
        const int s = response.status;
        if (!words.empty() && (s == 400 || s == 403 || s == 422)) {
            // A city that explains a refusal is refusing this input, not this citizen: its own
            // words say what to change, where "you are not allowed" would only mislead.
            e.kind = ErrorKind::validation;
            e.retryable = false;
            e.user_message = msg(N_("The city's service did not accept this: {0}"), {words});
        }
    }
    return e;
}

Error refusal_from_open311_response(const net::Response& response) {
    Error e = error_from_open311_response(response);
    if (e.kind == ErrorKind::validation && e.problem_type.empty()) {
        if (const auto words = city_words(response.body); !words.empty()) {
            e.user_message = msg(N_("The city refused the report: {0}"), {words});
        }
    }
    return e;
}

Open311Client::Open311Client(std::shared_ptr<net::HttpClient> http, Open311Config config)
    : http_(std::move(http)), config_(std::move(config)) {
    while (!config_.endpoint.empty() && config_.endpoint.back() == '/') {
        config_.endpoint.pop_back();
    }
}

std::string Open311Client::url(const std::string& path,
                               std::vector<std::pair<std::string, std::string>> query) const {
    if (!config_.jurisdiction_id.empty()) {
        query.emplace_back("jurisdiction_id", config_.jurisdiction_id);
    }
    std::string out = config_.endpoint + path;
    if (!query.empty()) {
        out += "?" + form_encode(query);
    }
    return out;
}

template <class T>
net::RequestId Open311Client::get(const std::string& url,
                                  std::function<Result<T>(const net::Response&)> parse,
                                  Done<T> done) {
    net::Request request;
    request.url = url;
    request.headers.set("Accept", "application/json");
    return http_->send(std::move(request),
                       [parse = std::move(parse), done = std::move(done)](Result<net::Response> r) {
                           if (!r.ok()) {
                               done(r.error());
                               return;
                           }
                           if (!r->ok()) {
                               done(error_from_open311_response(*r));
                               return;
                           }
                           done(tagged(parse(*r), *r));
                       });
}

net::RequestId Open311Client::discovery(Done<Discovery> done) {
    const std::string target = config_.discovery_url.empty() ? config_.endpoint + "/discovery.json"
                                                             : config_.discovery_url;
    return get<Discovery>(
        target, [](const net::Response& r) { return parse_discovery(r.body); }, std::move(done));
}

net::RequestId Open311Client::services(Done<std::vector<Service>> done) {
    return get<std::vector<Service>>(
        url("/services.json", {}), [](const net::Response& r) { return parse_services(r.body); },
        std::move(done));
}

net::RequestId Open311Client::service_definition(const std::string& service_code,
                                                 Done<ServiceDefinition> done) {
    return get<ServiceDefinition>(
        url("/services/" + percent_encode(service_code) + ".json", {}),
        [](const net::Response& r) { return parse_service_definition(r.body); }, std::move(done));
}

net::RequestId Open311Client::submit(const NewRequest& request, Done<CreatedRequest> done) {
    std::optional<Error> invalid;
    if (request.service_code.empty()) {
        invalid = make_error(ErrorKind::validation, "Open311 submit without service_code");
        invalid->user_message = msg(N_("Choose what kind of problem you are reporting."));
    } else if (!(request.lat && request.lon) && request.address_string.empty() &&
               request.address_id.empty()) {
        invalid = make_error(ErrorKind::validation, "Open311 submit without a location");
        invalid->user_message =
            msg(N_("Give the place of the problem: a point on the map or an address."));
    }
    if (invalid) {
        done(*invalid);
        return 0;
    }
    FormFields form;
    auto add = [&form](const char* name, const std::string& value) {
        if (!value.empty()) {
            form.emplace_back(name, value);
        }
    };
    add("api_key", config_.api_key);
    add("jurisdiction_id", config_.jurisdiction_id);
    add("service_code", request.service_code);
    if (request.lat && request.lon) {
        form.emplace_back("lat", format_coordinate(*request.lat));
        form.emplace_back("long", format_coordinate(*request.lon));
    }
    add("address_string", request.address_string);
    add("address_id", request.address_id);
    add("description", request.description);
    add("media_url", request.media_url);
    add("email", request.email);
    add("device_id", request.device_id);
    add("account_id", request.account_id);
    add("first_name", request.first_name);
    add("last_name", request.last_name);
    add("phone", request.phone);
    for (const auto& [code, value] : request.attributes) {
        form.emplace_back("attribute[" + code + "]", value);
    }
    net::Request post;
    post.method = net::Method::post;
    post.url = config_.endpoint + "/requests.json";
    post.headers.set("Content-Type", "application/x-www-form-urlencoded");
    post.headers.set("Accept", "application/json");
    post.body = form_encode(form);
    return http_->send(std::move(post), [done = std::move(done)](Result<net::Response> r) {
        if (!r.ok()) {
            done(r.error());
            return;
        }
        if (!r->ok()) {
            done(refusal_from_open311_response(*r));
            return;
        }
        done(tagged(parse_created_request(r->body), *r));
    });
}

net::RequestId Open311Client::requests(const RequestFilter& filter, Done<RequestList> done) {
    std::vector<std::pair<std::string, std::string>> query;
    if (!filter.service_request_ids.empty()) {
        std::string ids;
        for (const auto& id : filter.service_request_ids) {
            ids += (ids.empty() ? "" : ",") + id;
        }
        query.emplace_back("service_request_id", ids);
    } else {
        auto add = [&query](const char* name, const std::string& value) {
            if (!value.empty()) {
                query.emplace_back(name, value);
            }
        };
        add("service_code", filter.service_code);
        add("start_date", filter.start_date);
        add("end_date", filter.end_date);
        add("status", filter.status);
    }
    return get<RequestList>(
        url("/requests.json", std::move(query)),
        [](const net::Response& r) {
            auto list = parse_service_requests(r.body);
            if (list.ok()) {
                for (const auto& e : list->rejected) {
                    diag::warn(diag::Category::api, "Open311 request left out (id=", r.request_id,
                               "): ", e.detail);
                }
            }
            return list;
        },
        std::move(done));
}

net::RequestId Open311Client::request(const std::string& service_request_id,
                                      Done<ServiceRequest> done) {
    return get<ServiceRequest>(
        url("/requests/" + percent_encode(service_request_id) + ".json", {}),
        [wanted = service_request_id](const net::Response& r) -> Result<ServiceRequest> {
            auto list = parse_service_requests(r.body);
            if (!list.ok()) {
                return list.error();
            }
            if (list->requests.empty()) {
                if (!list->rejected.empty()) {
                    return list->rejected.front();
                }
                return not_found(r);
            }
            // Some servers ignore the id in the path and answer a list: pick the one asked for.
            auto it = std::find_if(list->requests.begin(), list->requests.end(),
                                   [&](const ServiceRequest& s) { return s.id == wanted; });
            if (it == list->requests.end()) {
                return not_found(r);
            }
            return std::move(*it);
        },
        std::move(done));
}

net::RequestId Open311Client::token(const std::string& token_value,
                                    Done<std::vector<TokenAnswer>> done) {
    return get<std::vector<TokenAnswer>>(
        url("/tokens/" + percent_encode(token_value) + ".json", {}),
        [](const net::Response& r) { return parse_tokens(r.body); }, std::move(done));
}

net::RequestId Open311Client::updates(const std::string& service_request_id,
                                      const std::string& start_date,
                                      Done<std::vector<RequestUpdate>> done) {
    std::vector<std::pair<std::string, std::string>> query;
    if (!start_date.empty()) {
        query.emplace_back("start_date", start_date);
    }
    return get<std::vector<RequestUpdate>>(
        url("/servicerequestupdates.json", std::move(query)),
        [wanted =
             service_request_id](const net::Response& r) -> Result<std::vector<RequestUpdate>> {
            auto all = parse_request_updates(r.body);
            if (!all.ok()) {
                return all.error();
            }
            std::vector<RequestUpdate> mine;
            std::copy_if(all->begin(), all->end(), std::back_inserter(mine),
                         [&](const RequestUpdate& u) { return u.service_request_id == wanted; });
            return mine;
        },
        std::move(done));
}

} // namespace cd::api::open311
