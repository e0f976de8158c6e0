// Open311 GeoReport v2 as the app sees it (JSON format), plus the servicerequestupdates
// extension. Identifiers and codes are text even where a city sends numbers.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace cd::api::open311 {

struct Endpoint {
    std::string specification; // "http://wiki.open311.org/GeoReport_v2"
    std::string url;
    std::string changeset;
    std::string type; // "production", "test"
    std::vector<std::string> formats;
};

struct Discovery {
    std::string changeset;
    std::string contact;
    std::string key_service;
    std::vector<Endpoint> endpoints;
};

struct Service {
    std::string code;
    std::string name;
    std::string description;
    bool metadata = false; // true: fetch the service definition for its attributes
    std::string type;      // realtime, batch, blackbox
    std::vector<std::string> keywords;
    std::string group;
};

struct AttributeValue {
    std::string key;
    std::string name;
};

struct Attribute {
    bool variable = true; // false: informational text only, nothing to enter
    std::string code;
    std::string datatype; // string, number, datetime, text, singlevaluelist, multivaluelist
    bool required = false;
    std::string datatype_description;
    long long order = 0;
    std::string description;
    std::vector<AttributeValue> values;
};

struct ServiceDefinition {
    std::string service_code;
    std::vector<Attribute> attributes;
};

// What the citizen submits (POST requests). Either a position or an address is needed.
struct NewRequest {
    std::string service_code;
    std::optional<double> lat;
    std::optional<double> lon;
    std::string address_string;
    std::string address_id;
    std::string description;
    std::vector<std::pair<std::string, std::string>> attributes; // code, value (repeat for lists)
    std::string media_url;
    std::string email;
    std::string device_id;
    std::string account_id;
    std::string first_name;
    std::string last_name;
    std::string phone;
};

// The answer to a POST: an id, or a token to exchange for one later (or both).
struct CreatedRequest {
    std::string service_request_id;
    std::string token;
    std::string service_notice;
    std::string account_id;
};

struct ServiceRequest {
    std::string id;
    std::string status; // "open", "closed"
    std::string status_notes;
    std::string service_name;
    std::string service_code;
    std::string description;
    std::string agency_responsible;
    std::string service_notice;
    std::string requested_datetime;
    std::string updated_datetime;
    std::string expected_datetime;
    std::string address;
    std::string address_id;
    std::string zipcode;
    std::optional<double> lat;
    std::optional<double> lon;
    std::string media_url;
};

struct RequestFilter {
    std::vector<std::string> service_request_ids; // when given, the other filters are ignored
    std::string service_code;
    std::string start_date; // W3C datetime, e.g. 2026-11-01T00:00:00Z
    std::string end_date;
    std::string status; // "open", "closed" or "open,closed"
};

struct TokenAnswer {
    std::string token;
    std::string service_request_id; // empty while the city has not assigned one
};

struct RequestUpdate {
    std::string update_id;
    std::string service_request_id;
    std::string status; // of the request after the update
    std::string updated_datetime;
    std::string description;
    std::string media_url;
};

} // namespace cd::api::open311
