// A service's page for people (GET /services/{id}): the guide as a small bilingual HTML page, the
// address the app opens in the browser for "Open the service's page". The /v1/ addresses are
// the app's JSON and mean nothing to a citizen.
#pragma once

#include <boost/json.hpp>

#include <string>

namespace cd::server {

// The page for a guide object (service_guide_json's shape): name, summary, documents, steps.
std::string service_page_html(const boost::json::object& guide);

} // namespace cd::server
