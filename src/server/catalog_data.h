// The service catalog: >=400 government services across the city's departments and >=10,000
// convenience services in exactly eight categories, generated from curated lists by a seeded
// generator, with a revision history so ?since=VERSION has real changes to return.
#pragma once

#include "server/city_data.h"

#include <boost/json/fwd.hpp>

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace cd::server {

struct Service {
    std::string id;    // "G0001" government, "C00001" convenience
    std::string kind;  // "government" | "convenience"
    std::string group; // department id (government) or category id (convenience)
    Name name;
    std::vector<std::string> keywords;
    std::vector<std::string> life_events;
    std::string channel;  // "online" | "counter" | "both"
    std::string district; // convenience: the district it serves; government: empty (citywide)
    int version = 1;      // the catalog version in which this entry last changed
    int subject = 0;      // which curated subject/type it came from (drives the guide)
    int action = 0;       // government: which action on the subject
    int street = 0;       // convenience: which street it is on
};

struct Removal {
    std::string id;
    int version;
};

class Catalog {
public:
    int version = 0;
    std::uint64_t seed = 0;
    std::vector<Service> services;
    std::vector<Removal> removed;

    const Service* find(const std::string& id) const;
    std::string etag() const; // strong validator: changes with version and seed
    std::size_t count(const std::string& kind) const;
    void index();

private:
    std::unordered_map<std::string, std::size_t> by_id_;
};

// Builds the whole catalog for a seed. Same seed, same catalog.
Catalog build_catalog(std::uint64_t seed);

// One catalog entry as JSON (the list form used by GET /v1/catalog).
boost::json::object service_json(const Service& s);

// The curated street names convenience outlets sit on (used by guides for addresses).
const std::vector<Name>& street_names();

} // namespace cd::server
