// A service's guide (with its application form schema) kept in the vault's http_cache, keyed by
// its URL with the ETag and the body as the platform sent them, so the application form is
// complete offline: its required fields are shown and checked, and the application waits in
// the outbox. Each look asks the platform again with If-None-Match: a 304 uses the kept body,
// a new answer replaces it, and an unreachable platform falls back to the kept copy (saying
// from when). The body is kept raw and read with the one guide parser (api/platform_parser.h):
// no second format to keep in step with the contract. Results arrive on the UI thread.
#pragma once

#include "api/platform_types.h"
#include "app/app_context.h"
#include "core/error.h"
#include "core/message.h"

#include <chrono>
#include <functional>
#include <string>

namespace cd::app {

struct KeptGuide {
    api::ServiceGuide guide;
    std::string url; // where the platform serves it to the app (JSON, the cache's key)
    // Set only when the platform could not be reached and the kept copy is shown: when it was
    // kept, UTC ISO 8601 ("2026-11-28T06:03:00Z").
    std::string kept_utc;
    std::string page_url; // the service's page for people, for the browser
};

// `use` is called once: with the platform's guide (new or confirmed by a 304), with the kept
// copy when the platform cannot be reached, or with the error when there is nothing to show.
void kept_service_guide(AppContext& context, const std::string& service_id,
                        std::function<void(Result<KeptGuide>)> use);

// The words above a guide, or a form, shown from the kept copy (with its local date and time);
// empty when the platform's own answer is shown.
Message kept_guide_note(const KeptGuide& kept, std::chrono::system_clock::time_point now);
Message kept_form_note(const KeptGuide& kept, std::chrono::system_clock::time_point now);

} // namespace cd::app
