// Under a comma-decimal locale (de_DE, as after the app's setlocale(LC_ALL, "") on a German
// desktop) numbers still travel with '.': the Open311 report's coordinates on the wire and at
// the reference platform (which runs in the same process in the demo, under the same locale),
// coordinates sent as text by a city, and the platform's fractional answers.
#include "catch.hpp"

#include "api/open311_client.h"
#include "api/open311_parser.h"
#include "comma_locale.h"
#include "fixture_server.h"
#include "platform_fixture.h"

#include <cmath>

using namespace cd;
using namespace cd::test;
namespace open311 = cd::api::open311;

namespace {

open311::NewRequest pothole() {
    open311::NewRequest r;
    r.service_code = "101";
    r.lat = 26.0745;
    r.lon = 119.2965;
    r.description = "Pothole at the crossing";
    r.attributes = {{"size", "large"}};
    return r;
}

} // namespace

TEST_CASE("Open311: a report's coordinates are written with a point under de_DE",
          "[api][open311-client][locale]") {
    CommaDecimalLocale comma;
    FixtureServer city;
    city.route("/open311/v2/requests.json", Reply{.status = 201,
                                                  .body = "[{\"service_request_id\":\"1\"}]",
                                                  .content_type = "application/json"});
    auto http = std::make_shared<net::CurlHttpClient>(quick_http_config());
    open311::Open311Client client(http, {city.url("/open311/v2"), "", "", "k"});

    auto created =
        await<open311::CreatedRequest>([&](auto done) { client.submit(pothole(), done); });

    REQUIRE(created.ok());
    const auto seen = city.received("/open311/v2/requests.json");
    REQUIRE(seen.size() == 1);
    CHECK(seen[0].body.find("lat=26.0745000&long=119.2965000") != std::string::npos);
}

TEST_CASE("Open311: a report sent under de_DE reaches the reference platform where it was made",
          "[api][open311-client][locale]") {
    PlatformFixture platform;
    CommaDecimalLocale comma;
    open311::Open311Client client(platform.http,
                                  {platform.base_url() + "/open311/v2", "", "", "demo"});

    auto created =
        await<open311::CreatedRequest>([&](auto done) { client.submit(pothole(), done); });

    // A "26,0745000" would be refused (400), or read as 26 by a comma-reading server.
    REQUIRE(created.ok());
    auto stored = await<open311::ServiceRequest>(
        [&](auto done) { client.request(created->service_request_id, done); });
    REQUIRE(stored.ok());
    REQUIRE(stored->lat);
    REQUIRE(stored->lon);
    CHECK(*stored->lat == Approx(26.0745).margin(1e-9));
    CHECK(*stored->lon == Approx(119.2965).margin(1e-9));
}

TEST_CASE("Open311: coordinates a city sends as text are read under de_DE",
          "[api][open311-parser][locale]") {
    CommaDecimalLocale comma;
    auto list = open311::parse_service_requests(
        R"([{"service_request_id":"7","status":"open","lat":"26.0745","long":"119.2965"}])");
    REQUIRE(list.ok());
    REQUIRE(list->requests.size() == 1);
    REQUIRE(list->requests[0].lat);
    CHECK(*list->requests[0].lat == Approx(26.0745).margin(1e-9));
    CHECK(*list->requests[0].lon == Approx(119.2965).margin(1e-9));
}

TEST_CASE("platform: fractional numbers in answers are read as sent under de_DE",
          "[api][platform][locale]") {
    PlatformFixture platform;
    CommaDecimalLocale comma;
    auto city = await<api::City>([&](auto d) { platform.client->city(d); });
    REQUIRE(city.ok());
    const auto district = city->districts.front().id;

    auto weather = await<api::Forecast>([&](auto d) { platform.client->weather(district, d); });

    REQUIRE(weather.ok());
    httplib::Client raw("127.0.0.1", platform.server().port());
    auto answer = raw.Get(("/v1/life/weather?district=" + district).c_str());
    REQUIRE(answer);
    const auto sent = boost::json::parse(answer->body).at("current").at("temperature_2m");
    CHECK(weather->current.temperature_2m == Approx(sent.to_number<double>()).margin(1e-9));
    CHECK(weather->latitude != std::floor(weather->latitude)); // a fraction was carried
}
