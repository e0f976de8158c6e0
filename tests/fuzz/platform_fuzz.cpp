// libFuzzer target: every platform-contract parser on the same input; a hostile or broken
// platform server must only ever produce an Error.
#include "api/platform_parser.h"

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace cd::api;
    const std::string_view body(reinterpret_cast<const char*>(data), size);
    (void)parse_city(body);
    (void)parse_catalog(body);
    (void)parse_service_guide(body);
    (void)parse_halls(body);
    (void)parse_hall(body);
    (void)parse_slots(body);
    (void)parse_token_pair(body, std::chrono::system_clock::time_point{});
    (void)parse_code_sent(body);
    (void)parse_profile(body);
    (void)parse_accounts(body);
    (void)parse_account(body);
    (void)parse_bills(body);
    (void)parse_bill(body);
    (void)parse_payment(body);
    (void)parse_payments(body);
    (void)parse_receipt(body);
    (void)parse_application(body);
    (void)parse_applications(body);
    (void)parse_appointment(body);
    (void)parse_appointments(body);
    (void)parse_forecast(body);
    (void)parse_air_quality(body);
    (void)parse_holidays(body);
    (void)parse_stations(body);
    if (auto news = parse_news(body); !news.ok()) {
        (void)news.error().log_line();
    }
    return 0;
}
