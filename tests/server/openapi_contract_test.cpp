// The OpenAPI document is the contract: every example in it validates against its own schema,
// and every operation, exercised on a live server, answers with a status the document lists
// and a body its schema accepts.
#include "catch.hpp"
#include "json_schema.h"
#include "movable_clock.h"
#include "server_fixture.h"

#include <fstream>
#include <set>
#include <sstream>

using namespace cd::test;

namespace {

json::value load_document() {
    std::ifstream in(std::string(CITIZENDESK_SOURCE_DIR) + "/resources/api/platform.openapi.json");
    REQUIRE(in);
    std::stringstream text;
    text << in.rdbuf();
    return json::parse(text.str());
}

std::string lower(std::string s) {
    for (auto& c : s) {
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return s;
}

class Contract {
public:
    Contract() : doc_(load_document()), validator_(doc_) {
        for (const auto& [path, item] : doc_.at("paths").as_object()) {
            for (const auto& [method, op] : item.as_object()) {
                (void)op;
                all_.insert(std::string(method) + " " + std::string(path));
            }
        }
    }

    // Checks one live answer against the document and returns its JSON body (or null).
    json::value check(const char* method, const std::string& path, const httplib::Result& res) {
        REQUIRE(res);
        const std::string key = lower(method) + " " + path;
        INFO(key << " -> " << res->status << " " << res->body.substr(0, 300));
        covered_.insert(key);
        const auto& op = doc_.at("paths").at(path).at(lower(method)).as_object();
        const auto* response =
            op.at("responses").as_object().if_contains(std::to_string(res->status));
        REQUIRE(response != nullptr);
        CHECK(!res->get_header_value("X-Request-ID").empty());
        const auto* resolved = response;
        if (const auto* r = response->as_object().if_contains("$ref")) {
            resolved = &validator_.resolve(std::string(r->as_string()));
        }
        const auto* content = resolved->as_object().if_contains("content");
        if (!content) {
            CHECK(res->body.empty());
            return nullptr;
        }
        auto type = res->get_header_value("Content-Type");
        type = type.substr(0, type.find(';'));
        const auto* media = content->as_object().if_contains(type);
        REQUIRE(media != nullptr);
        auto body = json::parse(res->body);
        auto errors = validator_.validate(body, media->at("schema"));
        for (const auto& e : errors) {
            FAIL_CHECK(e);
        }
        return body;
    }

    std::set<std::string> uncovered() const {
        std::set<std::string> out;
        for (const auto& k : all_) {
            if (!covered_.count(k)) {
                out.insert(k);
            }
        }
        return out;
    }

    const json::value& doc() const { return doc_; }
    const SchemaValidator& validator() const { return validator_; }

private:
    json::value doc_;
    SchemaValidator validator_;
    std::set<std::string> all_, covered_;
};

std::string str(const json::value& v, const char* key) {
    return std::string(v.at(key).as_string());
}

} // namespace

TEST_CASE("every response in the OpenAPI document has an example that fits its schema",
          "[server]") {
    Contract contract;
    int examples = 0;
    for (const auto& [path, item] : contract.doc().at("paths").as_object()) {
        for (const auto& [method, op] : item.as_object()) {
            for (const auto& [status, response] : op.at("responses").as_object()) {
                INFO(std::string(method) << " " << std::string(path) << " " << std::string(status));
                const json::value* r = &response;
                if (const auto* ref = response.as_object().if_contains("$ref")) {
                    r = &contract.validator().resolve(std::string(ref->as_string()));
                }
                const auto* content = r->as_object().if_contains("content");
                if (!content) {
                    CHECK((status == "204" || status == "304"));
                    continue;
                }
                for (const auto& [type, media] : content->as_object()) {
                    REQUIRE(media.as_object().contains("example"));
                    for (const auto& e :
                         contract.validator().validate(media.at("example"), media.at("schema"))) {
                        FAIL_CHECK(e);
                    }
                    ++examples;
                }
            }
        }
    }
    CHECK(examples > 60);
}

TEST_CASE("every operation of the document answers per its schemas on a live server", "[server]") {
    MovableClock platform_clock; // moved on so the timelines have entries to check
    TestServer srv([&](auto& o) {
        o.faults = true;
        o.clock = platform_clock.function();
        o.access_token_seconds = 7 * 24 * 3600; // outlives the hours the test moves on
    });
    Contract k;
    auto c = srv.client();
    k.check("GET", "/v1/city", c.Get("/v1/city"));
    auto etag = c.Get("/v1/catalog")->get_header_value("ETag");
    k.check("GET", "/v1/catalog", c.Get("/v1/catalog?since=3"));
    k.check("GET", "/v1/catalog", c.Get("/v1/catalog", {{"If-None-Match", etag}}));
    k.check("GET", "/v1/catalog", c.Get("/v1/catalog?since=x"));
    k.check("GET", "/v1/services/{id}", c.Get("/v1/services/G0002"));
    k.check("GET", "/v1/services/{id}", c.Get("/v1/services/C00001"));
    k.check("GET", "/v1/services/{id}",
            c.Get("/v1/services/G0003")); // counter-only or not: both fit
    k.check("GET", "/v1/services/{id}", c.Get("/v1/services/none"));
    auto guide_etag = c.Get("/v1/services/G0002")->get_header_value("ETag");
    k.check("GET", "/v1/services/{id}",
            c.Get("/v1/services/G0002", {{"If-None-Match", guide_etag}}));

    auto login = [&](const char* body) {
        return c.Post("/v1/session", body, "application/json");
    };
    auto tokens =
        k.check("POST", "/v1/session", login(R"({"phone":"13800000000","password":"Demo@2026"})"));
    k.check("POST", "/v1/session", login(R"({"phone":"13800000000","password":"x"})"));
    k.check("POST", "/v1/session", login(R"({"phone":"1"})"));
    k.check("POST", "/v1/session/code",
            c.Post("/v1/session/code", R"({"phone":"13800000000"})", "application/json"));
    k.check("POST", "/v1/session/code",
            c.Post("/v1/session/code", R"({"phone":"13800000000"})", "application/json"));
    auto refreshed =
        k.check("POST", "/v1/session/refresh",
                c.Post("/v1/session/refresh",
                       json::serialize(json::object{{"refresh_token", tokens.at("refresh_token")}}),
                       "application/json"));
    k.check("POST", "/v1/session/refresh",
            c.Post("/v1/session/refresh", R"({"refresh_token":"x"})", "application/json"));
    const auto a = bearer(str(refreshed, "access_token"));
    k.check("GET", "/v1/me", c.Get("/v1/me", a));
    k.check("GET", "/v1/me", c.Get("/v1/me"));

    k.check("GET", "/v1/accounts", c.Get("/v1/accounts", a));
    auto add = [&](const char* body) {
        return c.Post("/v1/accounts", a, body, "application/json");
    };
    auto added = k.check("POST", "/v1/accounts",
                         add(R"({"kind":"water","number":"3301029917","label":"父母家"})"));
    k.check("POST", "/v1/accounts", add(R"({"kind":"water","number":"3301029917"})"));
    k.check("POST", "/v1/accounts", add(R"({"kind":"boat","number":"x"})"));
    k.check("POST", "/v1/accounts", add("[1]"));
    k.check("POST", "/v1/accounts", c.Post("/v1/accounts", "{}", "application/json"));
    k.check("DELETE", "/v1/accounts/{id}",
            c.Delete(("/v1/accounts/" + str(added, "id")).c_str(), a));
    k.check("DELETE", "/v1/accounts/{id}", c.Delete("/v1/accounts/nope", a));
    k.check("DELETE", "/v1/accounts/{id}", c.Delete("/v1/accounts/nope"));
    auto bills = k.check("GET", "/v1/bills", c.Get("/v1/bills?status=all", a));
    k.check("GET", "/v1/bills", c.Get("/v1/bills?status=x", a));
    json::value due;
    for (const auto& b : bills.at("bills").as_array()) {
        if (b.at("status") == "due" && b.at("amount_fen").as_int64() < 100000) {
            due = b;
        }
    }
    REQUIRE(due.is_object());
    k.check("GET", "/v1/bills/{id}", c.Get(("/v1/bills/" + str(due, "id")).c_str(), a));
    k.check("GET", "/v1/bills/{id}", c.Get("/v1/bills/nope", a));
    auto pay = [&](const char* key, const json::value& bill, std::int64_t amount) {
        auto h = a;
        if (key) {
            h.emplace("Idempotency-Key", key);
        }
        return c.Post(
            "/v1/payments", h,
            json::serialize(json::object{{"bill_id", bill.at("id")}, {"amount_fen", amount}}),
            "application/json");
    };
    const auto amount = due.at("amount_fen").as_int64();
    auto payment = k.check("POST", "/v1/payments", pay("k1", due, amount));
    k.check("POST", "/v1/payments", pay("k1", due, amount));
    k.check("POST", "/v1/payments", pay("k1", due, amount + 1));
    k.check("POST", "/v1/payments", pay("k2", due, amount));
    k.check("POST", "/v1/payments", pay(nullptr, due, amount));
    k.check("POST", "/v1/payments", pay("k3", json::object{{"id", "nope"}}, 1));
    k.check("POST", "/v1/payments",
            pay("k4", json::object{{"id", "B-P0001-property-fund"}}, 864000));
    k.check("GET", "/v1/payments", c.Get("/v1/payments", a));
    k.check("GET", "/v1/payments/{id}", c.Get(("/v1/payments/" + str(payment, "id")).c_str(), a));
    k.check("GET", "/v1/payments/{id}", c.Get("/v1/payments/nope", a));
    k.check("GET", "/v1/payments/{id}/receipt",
            c.Get(("/v1/payments/" + str(payment, "id") + "/receipt").c_str(), a));
    k.check("GET", "/v1/payments/{id}/receipt", c.Get("/v1/payments/nope/receipt", a));

    const std::string form =
        R"({"applicant_name":"张明","resident_id":"11010519491231002X","phone":"13800000000","address":"翠苑","delivery":"post"})";
    auto app = k.check("POST", "/v1/applications",
                       c.Post("/v1/applications", a,
                              httplib::MultipartFormDataItems{{"service_id", "G0002", "", ""},
                                                              {"form", form, "", ""}}));
    k.check("POST", "/v1/applications",
            c.Post("/v1/applications", a,
                   httplib::MultipartFormDataItems{{"service_id", "G0002", "", ""},
                                                   {"form", "{}", "", ""}}));
    k.check("POST", "/v1/applications", c.Post("/v1/applications", a, "{}", "application/json"));
    httplib::MultipartFormDataItems many{{"service_id", "G0002", "", ""}, {"form", form, "", ""}};
    for (int i = 0; i < 6; ++i) {
        many.push_back({"attachments", "x", "f" + std::to_string(i) + ".txt", "text/plain"});
    }
    k.check("POST", "/v1/applications", c.Post("/v1/applications", a, many));
    platform_clock.advance(std::chrono::hours(30));
    k.check("GET", "/v1/applications", c.Get("/v1/applications", a));
    k.check("GET", "/v1/applications/{id}",
            c.Get(("/v1/applications/" + str(app, "id")).c_str(), a));
    k.check("GET", "/v1/applications/{id}", c.Get("/v1/applications/nope", a));

    k.check("GET", "/v1/halls", c.Get("/v1/halls"));
    k.check("GET", "/v1/halls/{id}", c.Get("/v1/halls/H00"));
    k.check("GET", "/v1/halls/{id}", c.Get("/v1/halls/H99"));
    std::vector<std::string> free;
    for (int ahead = 2; free.size() < 3 && ahead < 12; ++ahead) {
        auto t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now() +
                                                      std::chrono::hours(24 * ahead));
        char date[16];
        std::strftime(date, sizeof date, "%Y-%m-%d", std::gmtime(&t));
        auto slots = k.check("GET", "/v1/halls/{id}/slots",
                             c.Get((std::string("/v1/halls/H00/slots?date=") + date).c_str()));
        for (const auto& s : slots.at("slots").as_array()) {
            if (s.at("available").as_bool()) {
                free.push_back(str(s, "id"));
            }
        }
    }
    REQUIRE(free.size() >= 3);
    k.check("GET", "/v1/halls/{id}/slots", c.Get("/v1/halls/H00/slots?date=2020-01-01"));
    k.check("GET", "/v1/halls/{id}/slots", c.Get("/v1/halls/H99/slots"));
    auto book = [&](const std::string& slot) {
        return c.Post("/v1/appointments", a,
                      json::serialize(json::object{{"slot_id", slot}, {"service_id", "G0002"}}),
                      "application/json");
    };
    auto ap = k.check("POST", "/v1/appointments", book(free[0]));
    k.check("POST", "/v1/appointments", book(free[0]));
    k.check("POST", "/v1/appointments", book("H00-20200106-0900"));
    auto ap_path = "/v1/appointments/" + str(ap, "id");
    auto move = [&](const std::string& slot) {
        return c.Patch(ap_path.c_str(), a, json::serialize(json::object{{"slot_id", slot}}),
                       "application/json");
    };
    k.check("PATCH", "/v1/appointments/{id}", move(free[1]));
    k.check("PATCH", "/v1/appointments/{id}", move("H00-20200106-0900"));
    k.check("GET", "/v1/appointments/{id}", c.Get(ap_path.c_str(), a));
    k.check("GET", "/v1/appointments", c.Get("/v1/appointments", a));
    k.check("DELETE", "/v1/appointments/{id}", c.Delete(ap_path.c_str(), a));
    k.check("PATCH", "/v1/appointments/{id}", move(free[2]));
    k.check("PATCH", "/v1/appointments/{id}",
            c.Patch("/v1/appointments/nope", a, R"({"slot_id":")" + free[2] + "\"}",
                    "application/json"));
    k.check("GET", "/v1/appointments/{id}", c.Get("/v1/appointments/nope", a));
    k.check("DELETE", "/v1/appointments/{id}", c.Delete("/v1/appointments/nope", a));

    k.check("GET", "/v1/life/weather", c.Get("/v1/life/weather?district=D05"));
    k.check("GET", "/v1/life/weather", c.Get("/v1/life/weather?district=X"));
    k.check("GET", "/v1/life/air-quality", c.Get("/v1/life/air-quality?district=D05"));
    k.check("GET", "/v1/life/air-quality", c.Get("/v1/life/air-quality"));
    k.check("GET", "/v1/life/holidays/{year}", c.Get("/v1/life/holidays/2025"));
    k.check("GET", "/v1/life/holidays/{year}", c.Get("/v1/life/holidays/2026"));
    k.check("GET", "/v1/life/holidays/{year}", c.Get("/v1/life/holidays/2030"));
    k.check("GET", "/v1/life/stations", c.Get("/v1/life/stations"));
    k.check("GET", "/v1/life/stations", c.Get("/v1/life/stations?district=X"));
    k.check("GET", "/v1/life/news", c.Get("/v1/life/news?limit=50"));
    k.check("GET", "/v1/life/news", c.Get("/v1/life/news?limit=0"));

    k.check("GET", "/open311/v2/discovery.json", c.Get("/open311/v2/discovery.json"));
    k.check("GET", "/open311/v2/services.json", c.Get("/open311/v2/services.json"));
    for (const char* code :
         {"101", "102", "201", "202", "301", "302", "401", "402", "501", "502"}) {
        k.check("GET", "/open311/v2/services/{service_code}.json",
                c.Get((std::string("/open311/v2/services/") + code + ".json").c_str()));
    }
    k.check("GET", "/open311/v2/services/{service_code}.json",
            c.Get("/open311/v2/services/9.json"));
    auto created = k.check(
        "POST", "/open311/v2/requests.json",
        c.Post(
            "/open311/v2/requests.json",
            "api_key=k&service_code=502&address_string=%E8%A5%BF%E6%B9%96&attribute%5Bhours%5D=3",
            "application/x-www-form-urlencoded"));
    k.check("POST", "/open311/v2/requests.json",
            c.Post("/open311/v2/requests.json", "api_key=k", "application/x-www-form-urlencoded"));
    const auto id = str(created.at(0), "service_request_id");
    platform_clock.advance(std::chrono::hours(30));
    k.check("GET", "/open311/v2/requests.json", c.Get("/open311/v2/requests.json"));
    k.check("GET", "/open311/v2/requests.json", c.Get("/open311/v2/requests.json?start_date=bad"));
    k.check("GET", "/open311/v2/requests/{service_request_id}.json",
            c.Get(("/open311/v2/requests/" + id + ".json").c_str()));
    k.check("GET", "/open311/v2/requests/{service_request_id}.json",
            c.Get("/open311/v2/requests/7.json"));
    k.check("GET", "/open311/v2/tokens/{token}.json",
            c.Get(("/open311/v2/tokens/" + str(created.at(0), "token") + ".json").c_str()));
    k.check("GET", "/open311/v2/tokens/{token}.json", c.Get("/open311/v2/tokens/nope.json"));
    k.check("GET", "/open311/v2/servicerequestupdates.json",
            c.Get("/open311/v2/servicerequestupdates.json"));
    k.check("GET", "/open311/v2/servicerequestupdates.json",
            c.Get("/open311/v2/servicerequestupdates.json?end_date=x"));

    k.check("POST", "/_faults",
            c.Post("/_faults", R"({"rules":[{"path_prefix":"/v1/nowhere","fault":"error"}]})",
                   "application/json"));
    k.check("POST", "/_faults",
            c.Post("/_faults", R"({"rules":[{"fault":"boom"}]})", "application/json"));
    k.check("GET", "/_faults", c.Get("/_faults"));
    k.check("DELETE", "/_faults", c.Delete("/_faults"));
    k.check("DELETE", "/v1/session", c.Delete("/v1/session", a));

    CHECK(k.uncovered().empty());
    for (const auto& missing : k.uncovered()) {
        UNSCOPED_INFO("not exercised: " << missing);
    }
}
