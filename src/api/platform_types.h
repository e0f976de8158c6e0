// The platform contract's answers as plain values (resources/api/platform.openapi.json). Each
// struct maps one schema; required members are checked by the parsers (platform_parser.h),
// unknown extra members are ignored. Money is integer fen (core/money.h).
#pragma once

#include "core/money.h"

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace cd::api {

struct LocalizedText {
    std::string zh;
    std::string en;
};

struct NamedItem {
    std::string id;
    LocalizedText name;
};

// ---- city and catalog -------------------------------------------------------------------

struct District {
    std::string id;
    LocalizedText name;
    double latitude = 0;
    double longitude = 0;
    std::int64_t population = 0;
};

struct Department {
    std::string id;
    LocalizedText name;
    std::string hotline;
};

struct Hotline {
    LocalizedText name;
    std::string number;
};

struct Open311Endpoint {
    std::string endpoint;
    std::string discovery;
    std::string jurisdiction_id;
    std::string api_key_hint;
};

struct City {
    LocalizedText name;
    std::string timezone;
    std::string api_version;
    std::int64_t catalog_version = 0;
    std::vector<District> districts;
    std::vector<NamedItem> categories;
    std::vector<Department> departments;
    std::vector<NamedItem> life_events;
    std::vector<Hotline> hotlines;
    Open311Endpoint open311;
};

struct CatalogEntry {
    std::string id;
    std::string kind;       // government | convenience
    std::string department; // may be empty
    std::string category;   // may be empty
    LocalizedText name;
    std::vector<std::string> keywords;
    std::vector<std::string> life_events;
    std::string channel;  // online | counter | both
    std::string district; // may be empty (city-wide)
    std::int64_t version = 0;
};

struct CatalogRemoval {
    std::string id;
    std::int64_t version = 0;
};

struct Catalog {
    std::int64_t version = 0;
    std::int64_t since = 0; // 0 = the full catalog; otherwise a delta after that version
    std::int64_t count = 0;
    std::vector<CatalogEntry> services;
    std::vector<CatalogRemoval> removed;
    std::string etag; // the ETag header of the answer
};

// What catalog() found: a new full catalog or delta, or "what you have is current".
struct CatalogFetch {
    bool not_modified = false;      // 304 to the caller's etag: `catalog` is empty
    bool from_cache = false;        // answered from the HttpClient's EtagCache (a 304 on the wire)
    std::optional<Catalog> catalog; // absent when not_modified
    std::uint64_t bytes = 0;        // body bytes received
};

struct OpeningPeriod {
    int weekday = 0; // 1 = Monday .. 7 = Sunday
    std::string open;
    std::string close;
};

struct Hall {
    std::string id;
    LocalizedText name;
    std::string district;
    LocalizedText address;
    double latitude = 0;
    double longitude = 0;
    std::string phone;
    std::int64_t windows = 0;
    std::vector<OpeningPeriod> opening_hours;
};

struct FormOption {
    std::string value;
    LocalizedText label;
};

struct FormField {
    std::string name;
    LocalizedText label;
    std::string type; // text textarea number date select phone resident_id
    bool required = false;
    std::vector<FormOption> options;
    std::optional<std::int64_t> min_length, max_length, min, max;
    bool not_before_today = false; // a date the form means in the future (a completion date)
};

struct OnlineForm {
    std::vector<FormField> fields;
    std::int64_t max_attachments = 0;
    std::int64_t max_attachment_bytes = 0;
};

struct GuideDocument {
    LocalizedText name;
    bool original = false;
    std::int64_t copies = 0;
};

struct Fee {
    LocalizedText item;
    Money amount;
};

struct GuideStep {
    std::int64_t order = 0;
    LocalizedText name;
    LocalizedText description;
};

struct ServiceGuide {
    CatalogEntry service;
    LocalizedText summary;
    std::vector<GuideDocument> required_documents;
    std::vector<Fee> fees;
    std::int64_t legal_time_limit_days = 0;
    std::int64_t promised_time_limit_days = 0;
    std::vector<GuideStep> steps;
    std::vector<Hall> halls;
    OnlineForm form;
    std::optional<LocalizedText> address;
    std::string phone;
};

// What fetch_service_guide() found: the guide with the body it was read from (to be kept for
// offline use and read again with parse_service_guide), or "what you have is current".
struct GuideFetch {
    bool not_modified = false;         // 304 to the caller's etag: `guide` and `body` are empty
    std::optional<ServiceGuide> guide; // absent when not_modified
    std::string body;                  // the guide document, as received
    std::string etag;                  // the ETag header of the answer ("" when none)
};

// ---- session and account ----------------------------------------------------------------

// Never logged; PlatformClient keeps the live pair in its SessionTokens.
struct SessionTokens {
    std::string access_token;
    std::string refresh_token;
    std::chrono::system_clock::time_point access_expires_at;
    std::chrono::system_clock::time_point refresh_expires_at;
    std::string citizen_id;
};

struct CodeSent {
    std::int64_t expires_in = 0;
    std::int64_t resend_after = 0;
};

struct Profile {
    std::string id;
    std::string phone_masked;
    LocalizedText name;
    std::string resident_id_masked;
    std::string district;
    Money wallet_balance;
};

struct Account {
    std::string id;
    std::string kind; // water power gas telecom property traffic_fine social_insurance
    LocalizedText provider;
    std::string number;
    LocalizedText label;
};

// What POST /v1/accounts takes: the provider follows from the kind.
struct NewAccount {
    std::string kind; // one of Account::kind's values
    std::string number;
    std::string label; // optional: the citizen's own name for it
};

struct Bill {
    std::string id;
    std::string account_id;
    std::string kind;
    LocalizedText provider;
    std::string account_number;
    std::string period;
    Money amount;
    std::string due_date;   // YYYY-MM-DD
    std::string status;     // due | paid
    std::string payment_id; // empty while due
};

struct BillList {
    std::vector<Bill> bills;
    Money total_due;
};

struct Payment {
    std::string id;
    std::string bill_id;
    Money amount;
    std::string status; // succeeded
    std::string created_at;
    std::string receipt_no;
    std::string method;
    bool replayed = false; // the server answered from its idempotency record
};

struct ReceiptItem {
    LocalizedText description;
    std::string bill_id;
    Money amount;
};

struct Receipt {
    std::string receipt_no;
    std::string payment_id;
    std::string issued_at;
    std::string payer;
    LocalizedText payee;
    std::string account_number; // the payee's number for the citizen (empty when not sent)
    std::vector<ReceiptItem> items;
    Money total;
    std::string method;
};

// ---- applications and appointments ------------------------------------------------------

struct TimelineEntry {
    std::string status; // accepted under_review approved rejected ready_for_pickup
    std::string at;
    LocalizedText note;
};

struct AttachmentInfo {
    std::string name;
    std::string content_type;
    std::int64_t size = 0;
};

struct Application {
    std::string id;
    std::string service_id;
    LocalizedText service_name;
    std::string status;
    std::string submitted_at;
    std::string updated_at;
    std::string form_json; // the submitted field values, serialized JSON object
    std::vector<AttachmentInfo> attachments;
    std::vector<TimelineEntry> timeline;
    std::string next_expected_at; // empty when the application is finished
};

struct Attachment {
    std::string filename;
    std::string content_type;
    std::string content;
};

struct NewApplication {
    std::string service_id;
    std::string form_json; // a JSON object of field values, per the guide's form
    std::vector<Attachment> attachments;
    // Sent as Idempotency-Key when set: every attempt of one submission carries the same key,
    // so the platform files it once however often the answer is lost.
    std::string idempotency_key;
};

struct Slot {
    std::string id;
    std::string start;
    std::string end;
    bool available = false;
};

struct SlotList {
    std::string hall_id;
    std::string date;
    std::vector<Slot> slots;
};

struct Appointment {
    std::string id;
    std::string service_id;
    std::string slot_id;
    std::string status; // booked | cancelled
    std::string created_at;
    std::string hall_id;
    std::string start;
    std::string end;
};

// ---- life (Open-Meteo, holiday-cn, stations, news) --------------------------------------

struct CurrentWeather {
    std::string time;
    std::int64_t interval = 0;
    double temperature_2m = 0;
    std::int64_t relative_humidity_2m = 0;
    double apparent_temperature = 0;
    double precipitation = 0;
    std::int64_t weather_code = 0;
    double wind_speed_10m = 0;
    std::int64_t wind_direction_10m = 0;
};

struct DailyWeather {
    std::vector<std::string> time;
    std::vector<std::int64_t> weather_code;
    std::vector<double> temperature_2m_max;
    std::vector<double> temperature_2m_min;
    std::vector<double> precipitation_sum;
    std::vector<std::int64_t> precipitation_probability_max;
    std::vector<std::string> sunrise;
    std::vector<std::string> sunset;
};

struct Forecast {
    double latitude = 0;
    double longitude = 0;
    std::string timezone;
    std::int64_t utc_offset_seconds = 0;
    CurrentWeather current;
    DailyWeather daily;
};

struct CurrentAir {
    std::string time;
    std::int64_t european_aqi = 0;
    std::int64_t us_aqi = 0;
    double pm10 = 0;
    double pm2_5 = 0;
    double carbon_monoxide = 0;
    double nitrogen_dioxide = 0;
    double ozone = 0;
};

struct HourlyAir {
    std::vector<std::string> time;
    std::vector<double> pm10;
    std::vector<double> pm2_5;
    std::vector<std::int64_t> european_aqi;
};

struct AirQuality {
    double latitude = 0;
    double longitude = 0;
    std::string timezone;
    CurrentAir current;
    HourlyAir hourly;
};

struct HolidayDay {
    std::string name;
    std::string date;
    bool is_off_day = false;
};

struct Holidays {
    std::int64_t year = 0;
    std::vector<std::string> papers;
    std::vector<HolidayDay> days;
};

struct Station {
    std::string id;
    LocalizedText name;
    std::string district;
    std::int64_t kind = 0;
    LocalizedText address;
    double latitude = 0;
    double longitude = 0;
    std::string phone;
    std::vector<OpeningPeriod> opening_hours;
};

struct NewsItem {
    std::string id;
    LocalizedText title;
    LocalizedText summary;
    std::string department;
    std::string published_at;
};

struct NewsPage {
    std::vector<NewsItem> items;
    std::int64_t total = 0;
};

} // namespace cd::api
