// The full guide for one service (GET /v1/services/{id}): required documents, fees, legal
// time limit, processing steps, halls, and for online services the application form as a
// field schema, plus the server-side check of submitted form values against that schema.
#pragma once

#include "server/catalog_data.h"

#include <boost/json.hpp>

namespace cd::server {

boost::json::object service_guide_json(const Service& s);

// The form's field schema; empty when the service is counter-only.
boost::json::array form_fields(const Service& s);

// [{"field": name, "message": text}] for every rule the values break; empty when all hold.
boost::json::array validate_form(const Service& s, const boost::json::object& values);

} // namespace cd::server
