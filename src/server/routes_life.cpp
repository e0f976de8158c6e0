// Life: weather and air quality per district (Open-Meteo format), holidays (holiday-cn
// format), community service stations, city news.
#include "server/life_data.h"
#include "server/server_context.h"

namespace cd::server {
namespace {

const District* district_param(const httplib::Request& req, httplib::Response& res) {
    const District* d = city_data().district(req.get_param_value("district"));
    if (!d) {
        send_problem(res, req, 400, "invalid-parameter", "Unknown district",
                     "district must be one of the ids in GET /v1/city.");
    }
    return d;
}

} // namespace

void add_life_routes(Router& r, ServerContext& ctx) {
    const auto seed = ctx.options.seed;
    r.get("/v1/life/weather", [seed](const httplib::Request& req, httplib::Response& res) {
        if (const auto* d = district_param(req, res)) {
            send_json(res, 200, weather_json(*d, seed));
        }
    });
    r.get("/v1/life/air-quality", [seed](const httplib::Request& req, httplib::Response& res) {
        if (const auto* d = district_param(req, res)) {
            send_json(res, 200, air_quality_json(*d, seed));
        }
    });
    r.get(R"(/v1/life/holidays/([0-9]{4}))",
          [](const httplib::Request& req, httplib::Response& res) {
              auto h = holidays_json(std::stoi(req.matches[1]));
              if (!h) {
                  send_problem(res, req, 404, "holidays-not-published", "No holiday notice",
                               "The server has no public-holiday notice for that year.");
                  return;
              }
              send_json(res, 200, *h);
          });
    r.get("/v1/life/stations", [seed](const httplib::Request& req, httplib::Response& res) {
        std::string district = req.has_param("district") ? req.get_param_value("district") : "";
        if (!district.empty() && !city_data().district(district)) {
            send_problem(res, req, 400, "invalid-parameter", "Unknown district",
                         "district must be one of the ids in GET /v1/city.");
            return;
        }
        send_json(res, 200, {{"stations", stations_json(seed, district)}});
    });
    r.get("/v1/life/news", [seed](const httplib::Request& req, httplib::Response& res) {
        auto limit = int_param(req, "limit", 20, 1, 100);
        auto offset = int_param(req, "offset", 0, 0, 100000);
        if (!limit || !offset) {
            send_problem(res, req, 400, "invalid-parameter", "Invalid paging",
                         "limit must be 1-100 and offset 0 or more.");
            return;
        }
        auto all = news_json(seed);
        json::array page;
        for (auto i = static_cast<std::size_t>(*offset);
             i < all.size() && page.size() < static_cast<std::size_t>(*limit); ++i) {
            page.push_back(all[i]);
        }
        send_json(res, 200, {{"items", std::move(page)}, {"total", all.size()}});
    });
}

} // namespace cd::server
