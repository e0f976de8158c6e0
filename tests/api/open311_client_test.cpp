// Open311Client end to end: real CurlHttpClient, a loopback server answering recorded files.
#include "catch.hpp"

#include "api/open311_client.h"
#include "fixture_server.h"
#include "http_test_support.h"
#include "open311_fixture.h"

#include <future>

using namespace cd;
using namespace cd::api::open311;
using namespace cd::test;

namespace {

Reply json_file(const std::string& name, int status = 200) {
    Reply r;
    r.status = status;
    r.body = open311_fixture(name);
    r.content_type = "application/json; charset=utf-8";
    return r;
}

// Calls one client method and waits for its callback.
template <class T, class Call> Result<T> await(Call call) {
    auto promise = std::make_shared<std::promise<Result<T>>>();
    auto future = promise->get_future();
    call([promise](Result<T> r) { promise->set_value(std::move(r)); });
    REQUIRE(future.wait_for(std::chrono::seconds(30)) == std::future_status::ready);
    return future.get();
}

struct City {
    FixtureServer server;
    std::shared_ptr<net::CurlHttpClient> http =
        std::make_shared<net::CurlHttpClient>(fast_config());
    Open311Client client{http,
                         Open311Config{server.url("/open311/v2"), server.url("/discovery.json"),
                                       "city.example", "k3y-not-for-logs"}};
};

} // namespace

TEST_CASE("Open311 discovery and services over loopback", "[api][open311-client]") {
    City city;
    city.server.route("/discovery.json", json_file("discovery.json"));
    city.server.route("/open311/v2/services.json", json_file("services.json"));
    auto d = await<Discovery>([&](auto done) { city.client.discovery(done); });
    REQUIRE(d.ok());
    CHECK(d->endpoints.size() == 2);
    auto s = await<std::vector<Service>>([&](auto done) { city.client.services(done); });
    REQUIRE(s.ok());
    CHECK(s->size() == 4);
    const auto seen = city.server.received("/open311/v2/services.json");
    REQUIRE(seen.size() == 1);
    CHECK(seen[0].headers.at("accept") == "application/json");
}

TEST_CASE("Open311 service definition by code", "[api][open311-client]") {
    City city;
    city.server.route("/open311/v2/services/1001.json", json_file("service_definition_1001.json"));
    auto d =
        await<ServiceDefinition>([&](auto done) { city.client.service_definition("1001", done); });
    REQUIRE(d.ok());
    CHECK(d->attributes.size() == 4);
}

TEST_CASE("Open311 submit posts a form and returns the new id", "[api][open311-client]") {
    City city;
    city.server.route("/open311/v2/requests.json", json_file("post_created.json"));
    NewRequest request;
    request.service_code = "1001";
    request.lat = 26.0745;
    request.lon = 119.2965;
    request.description = "路灯不亮 & flickering";
    request.attributes = {{"22", "1"}, {"pole_number", "A-17"}};
    request.email = "citizen@example.org";
    auto created = await<CreatedRequest>([&](auto done) { city.client.submit(request, done); });
    REQUIRE(created.ok());
    CHECK(created->service_request_id == "293944");
    const auto seen = city.server.received("/open311/v2/requests.json");
    REQUIRE(seen.size() == 1);
    CHECK(seen[0].method == "POST");
    CHECK(seen[0].headers.at("content-type") == "application/x-www-form-urlencoded");
    const auto& body = seen[0].body;
    CHECK(body.find("api_key=k3y-not-for-logs") != std::string::npos);
    CHECK(body.find("jurisdiction_id=city.example") != std::string::npos);
    CHECK(body.find("service_code=1001") != std::string::npos);
    CHECK(body.find("lat=26.0745000&long=119.2965000") != std::string::npos);
    CHECK(body.find("description=%E8%B7%AF%E7%81%AF%E4%B8%8D%E4%BA%AE+%26+flickering") !=
          std::string::npos);
    CHECK(body.find("attribute%5B22%5D=1") != std::string::npos);
    CHECK(body.find("attribute%5Bpole_number%5D=A-17") != std::string::npos);
}

TEST_CASE("Open311 submit refuses a request without location before sending",
          "[api][open311-client]") {
    City city;
    NewRequest request;
    request.service_code = "1001";
    auto r = await<CreatedRequest>([&](auto done) { city.client.submit(request, done); });
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().kind == ErrorKind::validation);
    CHECK_FALSE(r.error().user_message.empty());
    CHECK(city.server.received_all().empty());
}

TEST_CASE("Open311 submit answered without id or token is a protocol error",
          "[api][open311-client]") {
    City city;
    city.server.route("/open311/v2/requests.json", json_file("post_no_id.json"));
    NewRequest request;
    request.service_code = "1001";
    request.address_string = "8 Wusi Road";
    auto r = await<CreatedRequest>([&](auto done) { city.client.submit(request, done); });
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().kind == ErrorKind::protocol);
    CHECK(r.error().request_id.size() == 16);
    CHECK(r.error().http_status == 200);
}

TEST_CASE("Open311 request list with filters keeps good records", "[api][open311-client]") {
    City city;
    city.server.route("/open311/v2/requests.json", json_file("requests.json"));
    RequestFilter filter;
    filter.service_code = "pothole";
    filter.status = "open";
    filter.start_date = "2026-10-01T00:00:00Z";
    auto r = await<RequestList>([&](auto done) { city.client.requests(filter, done); });
    REQUIRE(r.ok());
    CHECK(r->requests.size() == 3);
    CHECK(r->rejected.size() == 1);
    const auto seen = city.server.received("/open311/v2/requests.json");
    REQUIRE(seen.size() == 1);
    CHECK(seen[0].raw_target ==
          "/open311/v2/requests.json?service_code=pothole&start_date=2026-10-01T00%3A00%3A00Z"
          "&status=open&jurisdiction_id=city.example");
    CHECK(seen[0].method == "GET");
}

TEST_CASE("Open311 single request found or empty list as not found or error list as 404",
          "[api][open311-client]") {
    City city;
    city.server.route("/open311/v2/requests/638344.json", json_file("request_638344.json"));
    city.server.route("/open311/v2/requests/555.json", json_file("request_empty.json"));
    city.server.route("/open311/v2/requests/999.json", json_file("error_list_404.json", 404));
    auto found = await<ServiceRequest>([&](auto done) { city.client.request("638344", done); });
    REQUIRE(found.ok());
    CHECK(found->status == "closed");

    auto empty = await<ServiceRequest>([&](auto done) { city.client.request("555", done); });
    REQUIRE_FALSE(empty.ok());
    CHECK(empty.error().http_status == 404);
    CHECK(empty.error().kind == ErrorKind::http_status);
    CHECK(empty.error().user_message.id ==
          "What you asked for was not found. It may have been removed.");

    auto missing = await<ServiceRequest>([&](auto done) { city.client.request("999", done); });
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().http_status == 404);
    CHECK(missing.error().detail.find("Service request 999 not found") != std::string::npos);
}

TEST_CASE("Open311 token lookup and updates of one request", "[api][open311-client]") {
    City city;
    city.server.route("/open311/v2/tokens/12345.json", json_file("tokens_12345.json"));
    city.server.route("/open311/v2/servicerequestupdates.json", json_file("updates.json"));
    auto t = await<std::vector<TokenAnswer>>([&](auto done) { city.client.token("12345", done); });
    REQUIRE(t.ok());
    REQUIRE(t->size() == 1);
    CHECK((*t)[0].service_request_id == "638344");

    auto u = await<std::vector<RequestUpdate>>(
        [&](auto done) { city.client.updates("638344", "2026-10-01T00:00:00Z", done); });
    REQUIRE(u.ok());
    REQUIRE(u->size() == 2);
    CHECK((*u)[0].description == "Crew assigned.");
    CHECK((*u)[1].status == "closed"); // the city wrote "CLOSED"
}

TEST_CASE("Open311 error object with a 400 becomes a validation error", "[api][open311-client]") {
    City city;
    city.server.route("/open311/v2/services.json", json_file("error_object_400.json", 400));
    auto s = await<std::vector<Service>>([&](auto done) { city.client.services(done); });
    REQUIRE_FALSE(s.ok());
    CHECK(s.error().kind == ErrorKind::validation);
    CHECK(s.error().http_status == 400);
    CHECK(s.error().detail.find("service_code is required") != std::string::npos);
}

TEST_CASE("the Open311 api key never reaches the log", "[api][open311-client]") {
    City city;
    city.server.route("/open311/v2/requests.json", json_file("post_created.json"));
    CapturedLog log(diag::Level::trace);
    NewRequest request;
    request.service_code = "1001";
    request.address_string = "8 Wusi Road";
    auto r = await<CreatedRequest>([&](auto done) { city.client.submit(request, done); });
    REQUIRE(r.ok());
    const auto text = log.sink->all();
    CHECK(text.find("requests.json") != std::string::npos);
    CHECK(text.find("k3y-not-for-logs") == std::string::npos);
}
