// The platform parsers on hand-written answers: strict on required members and types, with the
// field path in the error; tolerant of extra members; a few cross-field checks.
#include "api/multipart.h"
#include "api/platform_parser.h"
#include "catch.hpp"

using namespace cd;
using namespace cd::api;

namespace {

const char* bill_json = R"({"id":"B1","account_id":"A1","kind":"water",
    "provider":{"zh":"水务","en":"Water"},"account_number":"001","period":"2026-10",
    "amount_fen":4520,"due_date":"2026-11-30","status":"due","payment_id":null,
    "something_new":{"x":1}})";

std::string bills_with(const std::string& bill) {
    return R"({"bills":[)" + std::string(bill_json) + "," + bill + R"(],"total_due_fen":9040})";
}

} // namespace

TEST_CASE("platform parser: a bill list maps fen amounts and ignores unknown members",
          "[api][platform][parser]") {
    auto r = parse_bills(bills_with(bill_json));
    REQUIRE(r.ok());
    REQUIRE(r->bills.size() == 2);
    CHECK(r->bills[0].amount.fen == 4520);
    CHECK(r->bills[0].payment_id.empty());
    CHECK(r->bills[0].provider.en == "Water");
    CHECK(r->total_due.fen == 9040);
}

TEST_CASE("platform parser: a wrong type, a missing member, an unknown enum name the path",
          "[api][platform][parser]") {
    std::string bad = bill_json;
    bad.replace(bad.find("4520"), 4, "\"45.20\"");
    auto typed = parse_bills(bills_with(bad));
    REQUIRE_FALSE(typed.ok());
    CHECK(typed.error().kind == ErrorKind::protocol);
    CHECK(typed.error().detail.find("bills[1].amount_fen") != std::string::npos);

    std::string no_name = bill_json;
    no_name.replace(no_name.find(R"("en":"Water")"), 12, R"("fr":"Eau")");
    auto missing = parse_bills(bills_with(no_name));
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().detail.find("bills[1].provider.en: missing") != std::string::npos);

    std::string odd = bill_json;
    odd.replace(odd.find(R"("due")"), 5, R"("overdue")");
    auto unknown = parse_bills(bills_with(odd));
    REQUIRE_FALSE(unknown.ok());
    CHECK(unknown.error().detail.find("bills[1].status") != std::string::npos);

    auto not_object = parse_bills("[1,2]");
    REQUIRE_FALSE(not_object.ok());
    CHECK(not_object.error().kind == ErrorKind::protocol);
    auto not_json = parse_bills(R"({"bills":[)");
    REQUIRE_FALSE(not_json.ok());
    CHECK(not_json.error().kind == ErrorKind::protocol);
}

TEST_CASE("platform parser: a negative or absurd amount is a protocol error naming the field",
          "[api][platform][parser]") {
    auto with_amount = [](const std::string& fen) {
        std::string b = bill_json;
        b.replace(b.find("4520"), 4, fen);
        return b;
    };
    for (const std::string fen : {"-1", "9223372036854775807", "1000000000001"}) {
        auto r = parse_bills(bills_with(with_amount(fen)));
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().kind == ErrorKind::protocol);
        CHECK(r.error().detail.find("bills[1].amount_fen") != std::string::npos);
    }
    CHECK(parse_bills(bills_with(with_amount("1000000000000"))).ok()); // the documented bound

    std::string list = bills_with(bill_json);
    list.replace(list.find("9040"), 4, "-9040");
    auto total = parse_bills(list);
    REQUIRE_FALSE(total.ok());
    CHECK(total.error().detail.find("total_due_fen") != std::string::npos);

    const std::string payment = R"({"payments":[{"id":"P1","bill_id":"B1","amount_fen":)"
                                R"(9223372036854775807,"status":"succeeded","created_at":"x",)"
                                R"("receipt_no":"R1","method":"wallet"}]})";
    auto history = parse_payments(payment);
    REQUIRE_FALSE(history.ok());
    CHECK(history.error().detail.find("payments[0].amount_fen") != std::string::npos);
}

TEST_CASE("platform parser: a catalog whose count disagrees with its services is refused",
          "[api][platform][parser]") {
    const std::string entry = R"({"id":"S1","kind":"government","name":{"zh":"a","en":"b"},
        "keywords":[],"life_events":[],"channel":"online","version":3})";
    auto ok = parse_catalog(R"({"version":3,"since":0,"count":1,"services":[)" + entry +
                            R"(],"removed":[]})");
    REQUIRE(ok.ok());
    CHECK(ok->services.front().department.empty());
    auto off = parse_catalog(R"({"version":3,"since":0,"count":2,"services":[)" + entry +
                             R"(],"removed":[]})");
    REQUIRE_FALSE(off.ok());
    CHECK(off.error().detail.find("count") != std::string::npos);
}

TEST_CASE("platform parser: token pairs need both tokens and the Bearer type",
          "[api][platform][parser]") {
    const auto now = std::chrono::system_clock::now();
    auto ok = parse_token_pair(R"({"access_token":"a","token_type":"Bearer","expires_in":900,
        "refresh_token":"r","refresh_expires_in":3600,"citizen_id":"P1"})",
                               now);
    REQUIRE(ok.ok());
    CHECK(ok->access_expires_at == now + std::chrono::seconds(900));
    auto mac = parse_token_pair(R"({"access_token":"a","token_type":"MAC","expires_in":900,
        "refresh_token":"r","refresh_expires_in":3600,"citizen_id":"P1"})",
                                now);
    REQUIRE_FALSE(mac.ok());
    CHECK(mac.error().detail.find("token_type") != std::string::npos);
    // The error names the field, never its value.
    auto empty = parse_token_pair(R"({"access_token":"","token_type":"Bearer","expires_in":900,
        "refresh_token":"secret-refresh","refresh_expires_in":3600,"citizen_id":"P1"})",
                                  now);
    REQUIRE_FALSE(empty.ok());
    CHECK(empty.error().detail.find("secret-refresh") == std::string::npos);
}

TEST_CASE("platform parser: Open-Meteo daily arrays must run parallel to time",
          "[api][platform][parser]") {
    const std::string head = R"({"latitude":30.2,"longitude":120.1,"generationtime_ms":0.1,
        "utc_offset_seconds":28800,"timezone":"Asia/Shanghai","timezone_abbreviation":"CST",
        "elevation":10,"current_units":{},"daily_units":{},
        "current":{"time":"2026-11-28T12:00","interval":900,"temperature_2m":12.5,
        "relative_humidity_2m":60,"apparent_temperature":11,"precipitation":0,
        "weather_code":3,"wind_speed_10m":8.2,"wind_direction_10m":90},)";
    auto daily = [](const char* max) {
        return std::string(R"("daily":{"time":["2026-11-28","2026-11-29"],"weather_code":[3,61],
            "temperature_2m_max":)") +
               max + R"(,"temperature_2m_min":[5,6],"precipitation_sum":[0,2.5],
            "precipitation_probability_max":[10,80],"sunrise":["a","b"],"sunset":["c","d"]}})";
    };
    auto ok = parse_forecast(head + daily("[14,15.5]"));
    REQUIRE(ok.ok());
    CHECK(ok->daily.temperature_2m_max[1] == 15.5);
    auto short_max = parse_forecast(head + daily("[14]"));
    REQUIRE_FALSE(short_max.ok());
    CHECK(short_max.error().detail.find("daily.temperature_2m_max") != std::string::npos);
}

TEST_CASE("multipart: parts, file names quoted, a boundary found in no part",
          "[api][platform][parser]") {
    auto m = encode_multipart(
        {{"service_id", "", "", "S1"}, {"attachments", "a \"b\".png", "image/png", "PNGDATA"}});
    const auto boundary = m.content_type.substr(m.content_type.find("boundary=") + 9);
    CHECK(m.content_type.rfind("multipart/form-data; boundary=", 0) == 0);
    CHECK(m.body.find("name=\"service_id\"\r\n\r\nS1\r\n") != std::string::npos);
    CHECK(m.body.find("filename=\"a %22b%22.png\"\r\nContent-Type: image/png") !=
          std::string::npos);
    CHECK(m.body.size() > boundary.size());
    CHECK(m.body.substr(m.body.size() - boundary.size() - 6) == "--" + boundary + "--\r\n");
}
