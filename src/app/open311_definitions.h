// The city's Open311 service list and service definitions (services.json, services/{code}.json),
// kept in the vault's http_cache next to the catalog, so the report form offline still shows
// every category and its required fields and checks them: a report is not refused later for a
// field the citizen was never shown. The cached answer comes first; then, when the endpoint can
// be reached, the request is revalidated with its ETag (If-None-Match) and a changed answer
// replaces the cached one and comes again. Results arrive on the UI thread.
#pragma once

#include "api/open311_types.h"
#include "app/app_context.h"

#include <functional>
#include <string>
#include <vector>

namespace cd::app {

// `use` is called once or twice: with the cached list (when there is one), then with a changed
// list from the city; with an error only when there is nothing to show at all.
void cached_open311_services(AppContext& context,
                             std::function<void(Result<std::vector<api::open311::Service>>)> use);

void cached_open311_definition(AppContext& context, const std::string& service_code,
                               std::function<void(Result<api::open311::ServiceDefinition>)> use);

// Fetches the definitions of every category that has one, so they are there offline later.
void prefetch_open311_definitions(AppContext& context,
                                  const std::vector<api::open311::Service>& services);

} // namespace cd::app
