// Maps the platform contract's JSON answers to platform_types.h. Strict on required members,
// their types and the contract's enumerations; extra members are ignored. Never throws: a
// broken answer is an ErrorKind::protocol Error naming the field path ("bills[2].amount_fen").
#pragma once

#include "api/platform_types.h"
#include "core/error.h"

#include <chrono>
#include <string_view>
#include <vector>

namespace cd::api {

Result<City> parse_city(std::string_view body);
Result<Catalog> parse_catalog(std::string_view body); // etag is left to the caller
Result<ServiceGuide> parse_service_guide(std::string_view body);
Result<std::vector<Hall>> parse_halls(std::string_view body);
Result<Hall> parse_hall(std::string_view body);
Result<SlotList> parse_slots(std::string_view body);

// expires_in is counted from `now`.
Result<SessionTokens> parse_token_pair(std::string_view body,
                                       std::chrono::system_clock::time_point now);
Result<CodeSent> parse_code_sent(std::string_view body);
Result<Profile> parse_profile(std::string_view body);
Result<std::vector<Account>> parse_accounts(std::string_view body);
Result<Account> parse_account(std::string_view body);
Result<BillList> parse_bills(std::string_view body);
Result<Bill> parse_bill(std::string_view body);
Result<Payment> parse_payment(std::string_view body);
Result<std::vector<Payment>> parse_payments(std::string_view body);
Result<Receipt> parse_receipt(std::string_view body);
Result<Application> parse_application(std::string_view body);
Result<std::vector<Application>> parse_applications(std::string_view body);
Result<Appointment> parse_appointment(std::string_view body);
Result<std::vector<Appointment>> parse_appointments(std::string_view body);

Result<Forecast> parse_forecast(std::string_view body);
Result<AirQuality> parse_air_quality(std::string_view body);
Result<Holidays> parse_holidays(std::string_view body);
Result<std::vector<Station>> parse_stations(std::string_view body);
Result<NewsPage> parse_news(std::string_view body);

} // namespace cd::api
