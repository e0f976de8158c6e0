// The Open311 client against every city profile of the reference server (open311_profiles.h):
// the same calls must give the same typed answers whether a city writes times in its own
// offset, sends keys as numbers or objects, answers with a token, leaves out the service
// fields, spells statuses its own way, has no updates extension or insists on its
// jurisdiction_id and api_key.
#include "catch.hpp"

#include "api/open311_client.h"
#include "api/open311_time.h"
#include "http_test_support.h"
#include "server/open311_profiles.h"
#include "server/platform_server.h"

#include <future>

using namespace cd;
using namespace cd::api::open311;
using namespace std::chrono_literals;

namespace {

template <class T, class Call> Result<T> await(Call call) {
    auto promise = std::make_shared<std::promise<Result<T>>>();
    auto future = promise->get_future();
    call([promise](Result<T> r) { promise->set_value(std::move(r)); });
    REQUIRE(future.wait_for(30s) == std::future_status::ready);
    return future.get();
}

struct ProfiledCity {
    explicit ProfiledCity(const std::string& profile) : server(options(profile)) {
        REQUIRE(server.start().ok());
        Open311Config config;
        config.endpoint = server.base_url() + "/open311/v2";
        config.jurisdiction_id = server::strict_jurisdiction_id;
        config.api_key = server::strict_api_key;
        client = std::make_unique<Open311Client>(http, config);
    }
    static server::PlatformServerOptions options(const std::string& profile) {
        server::PlatformServerOptions o;
        o.open311_profile = profile;
        return o;
    }
    server::PlatformServer server;
    std::shared_ptr<net::CurlHttpClient> http =
        std::make_shared<net::CurlHttpClient>(test::fast_config());
    std::unique_ptr<Open311Client> client;
};

} // namespace

TEST_CASE("the Open311 client reads every city profile the same way", "[api][open311-profiles]") {
    for (const auto& profile : server::open311_profile_names()) {
        DYNAMIC_SECTION("profile " << profile) {
            ProfiledCity city(profile);
            auto& c = *city.client;
            auto services = await<std::vector<Service>>([&](auto done) { c.services(done); });
            REQUIRE(services.ok());
            CHECK(services->size() >= 5);

            // The pothole's required "size" list, whatever shape its keys have.
            auto definition =
                await<ServiceDefinition>([&](auto done) { c.service_definition("101", done); });
            REQUIRE(definition.ok());
            const auto size =
                std::find_if(definition->attributes.begin(), definition->attributes.end(),
                             [](const Attribute& a) { return a.code == "size"; });
            REQUIRE(size != definition->attributes.end());
            CHECK(size->required);
            REQUIRE_FALSE(size->values.empty());
            for (const auto& v : size->values) {
                CHECK_FALSE(v.key.empty());
                CHECK(v.key.find('{') == std::string::npos); // an object's id, not its text
            }

            NewRequest request;
            request.service_code = "101";
            request.address_string = "文三路 88号";
            request.description = "路口有个大坑 " + profile;
            request.attributes = {{"size", size->values.front().key}};
            const auto before =
                std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
            auto created = await<CreatedRequest>([&](auto done) { c.submit(request, done); });
            REQUIRE(created.ok());
            CHECK(created->service_notice.find("2") != std::string::npos);
            std::string id = created->service_request_id;
            if (profile == "token-only") {
                CHECK(id.empty());
                auto tokens = await<std::vector<TokenAnswer>>(
                    [&](auto done) { c.token(created->token, done); });
                REQUIRE(tokens.ok());
                REQUIRE(tokens->size() == 1);
                id = tokens->front().service_request_id;
            }
            REQUIRE_FALSE(id.empty());

            RequestFilter filter;
            filter.service_request_ids = {id};
            auto list = await<RequestList>([&](auto done) { c.requests(filter, done); });
            REQUIRE(list.ok());
            REQUIRE(list->requests.size() == 1);
            const auto& mine = list->requests.front();
            CHECK(mine.status == "open"); // "Open" is read as the spec's word
            CHECK(mine.description == request.description);
            CHECK(mine.service_code == (profile == "bare-records" ? "" : "101"));
            // The same instant whatever offset the city writes it in.
            const auto at = parse_datetime(mine.requested_datetime);
            REQUIRE(at);
            CHECK(*at >= before - 2s);
            CHECK(*at <= before + 60s);

            auto updates =
                await<std::vector<RequestUpdate>>([&](auto done) { c.updates(id, "", done); });
            if (profile == "no-updates") {
                REQUIRE_FALSE(updates.ok());
                CHECK(updates.error().http_status == 404);
            } else {
                CHECK(updates.ok());
            }
        }
    }
}

TEST_CASE("a strict city refuses calls without its jurisdiction and key in its own words",
          "[api][open311-profiles]") {
    ProfiledCity city("strict-auth");
    Open311Config config;
    config.endpoint = city.server.base_url() + "/open311/v2";
    config.jurisdiction_id = server::strict_jurisdiction_id;
    config.api_key = "wrong";
    Open311Client wrong_key(city.http, config);
    NewRequest request;
    request.service_code = "102";
    request.address_string = "文三路 88号";
    request.description = "路灯不亮";
    auto refused = await<CreatedRequest>([&](auto done) { wrong_key.submit(request, done); });
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().http_status == 403);
    CHECK(refused.error().user_message.id == "The city refused the report: {0}");
    CHECK(refused.error().user_message.args ==
          std::vector<std::string>{"api_key is not valid for this city"});

    config.jurisdiction_id.clear();
    Open311Client no_jurisdiction(city.http, config);
    auto services = await<std::vector<Service>>([&](auto done) { no_jurisdiction.services(done); });
    REQUIRE_FALSE(services.ok());
    CHECK(services.error().http_status == 400);
}

TEST_CASE("a 403 error object for an unknown service code shows the city's words",
          "[api][open311-profiles]") {
    ProfiledCity city("error-object");
    NewRequest request;
    request.service_code = "999";
    request.address_string = "文三路 88号";
    request.description = "路灯不亮";
    auto refused = await<CreatedRequest>([&](auto done) { city.client->submit(request, done); });
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().http_status == 403);
    CHECK(refused.error().kind == ErrorKind::validation);
    CHECK_FALSE(refused.error().retryable);
    CHECK(refused.error().user_message.id == "The city refused the report: {0}");
    CHECK(refused.error().user_message.args ==
          std::vector<std::string>{"service_code 999 is not accepted by this city"});
    CHECK(refused.error().detail.find("service_code 999") != std::string::npos);
}

TEST_CASE("the fault control endpoint switches the city profile while serving",
          "[api][open311-profiles]") {
    server::PlatformServerOptions options;
    options.faults = true;
    server::PlatformServer platform(options);
    REQUIRE(platform.start().ok());
    auto http = std::make_shared<net::CurlHttpClient>(test::fast_config());
    auto control = [&](const std::string& body) {
        net::Request request;
        request.method = net::Method::post;
        request.url = platform.base_url() + "/_faults/open311";
        request.headers.set("Content-Type", "application/json");
        request.body = body;
        return await<net::Response>([&](auto done) { http->send(std::move(request), done); });
    };
    Open311Client city(http, Open311Config{platform.base_url() + "/open311/v2", {}, {}, "k"});
    auto updates = [&] {
        return await<std::vector<RequestUpdate>>(
            [&](auto done) { city.updates("100001", "", done); });
    };
    CHECK(updates().ok());
    auto switched = control(R"({"profile": "no-updates"})");
    REQUIRE(switched.ok());
    CHECK(switched->status == 200);
    CHECK(switched->body.find("\"profile\":\"no-updates\"") != std::string::npos);
    auto none = updates();
    REQUIRE_FALSE(none.ok());
    CHECK(none.error().http_status == 404);
    auto unknown = control(R"({"profile": "no-such-city"})");
    REQUIRE(unknown.ok());
    CHECK(unknown->status == 422);
    CHECK(control(R"({"profile": "standard"})")->status == 200);
    CHECK(updates().ok());
}
