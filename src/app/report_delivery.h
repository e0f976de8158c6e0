// Delivering a My Voice report (outbox kind "voice.report") to the Open311 endpoint in use.
// GeoReport v2 has no idempotency key, and a city may store a report and then lose the answer
// (a dropped connection, a server that breaks on a second photo): re-posting would file the
// same problem twice. So a report that was tried before is first looked for at the city
// (requests.json in a time window, by service code, and by the client reference its
// description carries, see voice_reports.h) and the id found is adopted. Photos go as one
// `media` part unless the endpoint is known to take more; the others stay on this computer
// with the report. A token answer is exchanged for an id when the city has one. What the city
// says back (service_notice) is kept for the screen in DeliveryNotes.
#pragma once

#include "api/form_encoding.h"
#include "api/open311_types.h"
#include "app/app_context.h"

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

namespace cd::app {

// The city's notice for each delivered outbox item, until the screen takes it. Thread-safe.
class DeliveryNotes {
public:
    void put(std::int64_t item_id, std::string notice);
    std::string take(std::int64_t item_id);

private:
    std::mutex mutex_;
    std::map<std::int64_t, std::string> notices_;
};

// Whether a request listed by the city is this report: its client reference, or (for a
// description too long to carry one) the same service, description and place.
bool is_same_report(const api::open311::ServiceRequest& listed, const api::FormFields& sent);

// The deliverer for "voice.report" outbox items (ReportPresenter registers it).
OutboxSender::Deliverer report_deliverer(AppContext& context,
                                         std::shared_ptr<DeliveryNotes> notes = nullptr);

} // namespace cd::app
