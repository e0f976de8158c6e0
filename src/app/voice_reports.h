// What My Voice remembers of the citizen's own reports, in the vault's preferences under
// `voice.my_reports`: one line per report, newest last, naming either the outbox item that
// still waits ("outbox:12") or the city's service request id, whether the report is anonymous
// in the public feed, the name shown otherwise, the category the citizen chose (a city may
// leave service_name out of its records) and the photos kept here that the city could not
// take. Also the outbox payload of a report (form fields, as they will be posted), the client
// reference that finds a report again at a city that may have stored it without answering,
// and the update ids already seen.
#pragma once

#include "api/form_encoding.h"
#include "core/error.h"

#include <cstdint>
#include <set>
#include <string>
#include <vector>

namespace cd::store {
class Vault;
}

namespace cd::app {

inline constexpr const char* report_outbox_kind = "voice.report";
inline constexpr const char* my_reports_preference = "voice.my_reports";
inline constexpr const char* replies_seen_preference = "voice.replies_seen";

struct MyReportEntry {
    std::string reference; // "outbox:<item id>" while waiting, then the service request id
    bool anonymous = true;
    std::string name;                     // shown in the public feed when not anonymous
    std::string category;                 // the service name chosen when it was sent
    std::vector<std::string> kept_photos; // attached but not sent: the city takes one
    bool waiting() const { return reference.rfind("outbox:", 0) == 0; }
};

std::string outbox_reference(std::int64_t item_id);

Result<std::vector<MyReportEntry>> load_my_reports(store::Vault& vault);
Status add_my_report(store::Vault& vault, const MyReportEntry& entry);
// The outbox item was accepted as `request_id`: its line now names the request.
Status map_my_report(store::Vault& vault, const std::string& outbox_ref,
                     const std::string& request_id,
                     const std::vector<std::string>& kept_photos = {});
// The citizen discarded the report before it reached the city: its line goes.
Status forget_my_report(store::Vault& vault, const std::string& reference);

// GeoReport v2 has no idempotency key, so each report carries a short reference of its own
// ("cdr-" and 10 hex digits) at the end of its description, "[ref: cdr-...]", by which a
// re-send first looks for the report at the city.
std::string new_client_reference();
std::string with_client_reference(const std::string& description, const std::string& reference);
// The reference in a description, or empty.
std::string client_reference_in(const std::string& description);
// The description as the citizen wrote it.
std::string without_client_reference(const std::string& description);

Result<std::set<std::string>> load_seen_updates(store::Vault& vault);
Status save_seen_updates(store::Vault& vault, const std::set<std::string>& seen);

// The payload codec: application/x-www-form-urlencoded both ways.
std::string encode_payload(const api::FormFields& fields);
api::FormFields decode_payload(const std::string& payload);
std::string payload_field(const api::FormFields& fields, const std::string& name);

} // namespace cd::app
