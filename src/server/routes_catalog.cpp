// City, catalog (ETag, 304, ?since=VERSION delta; gzip by cpp-httplib when asked) and the
// per-service guide (ETag and 304 too: the app keeps guides for offline application forms).
#include "server/catalog_lists.h"
#include "server/gzip_body.h"
#include "server/server_context.h"
#include "server/service_guide.h"
#include "server/service_page.h"

#include <cstdint>
#include <cstdio>
#include <memory>

namespace cd::server {
namespace {

constexpr const char* api_version = "1.0.0";

json::object name_json(const Name& n) {
    return {{"zh", n.zh}, {"en", n.en}};
}

json::object city_json(const ServerContext& ctx, const httplib::Request& req) {
    const auto& c = city_data();
    json::array districts, categories, departments, hotlines, events;
    for (const auto& d : c.districts) {
        districts.push_back({{"id", d.id},
                             {"name", name_json(d.name)},
                             {"latitude", d.lat},
                             {"longitude", d.lon},
                             {"population", d.population}});
    }
    for (const auto& k : c.categories) {
        categories.push_back({{"id", k.id}, {"name", name_json(k.name)}});
    }
    for (const auto& d : c.departments) {
        departments.push_back({{"id", d.id}, {"name", name_json(d.name)}, {"hotline", d.hotline}});
    }
    for (const auto& h : c.hotlines) {
        hotlines.push_back({{"name", name_json(h.name)}, {"number", h.number}});
    }
    for (std::size_t i = 0; i < lists::life_event_count; ++i) {
        const auto& e = lists::life_events[i];
        events.push_back({{"id", e.id}, {"name", {{"zh", e.zh}, {"en", e.en}}}});
    }
    std::string host = req.get_header_value("Host");
    return {{"name", name_json(c.name)},
            {"timezone", c.timezone},
            {"api_version", api_version},
            {"catalog_version", ctx.catalog.version},
            {"districts", std::move(districts)},
            {"categories", std::move(categories)},
            {"departments", std::move(departments)},
            {"life_events", std::move(events)},
            {"hotlines", std::move(hotlines)},
            {"open311",
             {{"endpoint", "/open311/v2/"},
              {"discovery", "/open311/v2/discovery.json"},
              {"jurisdiction_id", "haichuan.example.gov.cn"},
              {"api_key_hint", "any non-empty api_key is accepted by the reference server"}}}};
}

bool etag_matches(const std::string& header, const std::string& etag) {
    std::size_t pos = 0;
    while (pos < header.size()) {
        auto comma = header.find(',', pos);
        std::string item =
            header.substr(pos, comma == std::string::npos ? std::string::npos : comma - pos);
        auto b = item.find_first_not_of(" \t"), e = item.find_last_not_of(" \t");
        item = b == std::string::npos ? "" : item.substr(b, e - b + 1);
        if (item.rfind("W/", 0) == 0) {
            item = item.substr(2);
        }
        if (item == "*" || item == etag) {
            return true;
        }
        if (comma == std::string::npos) {
            break;
        }
        pos = comma + 1;
    }
    return false;
}

// A strong validator from the body itself (FNV-1a, stable across runs): a guide changes only
// with its service, so the same text always has the same tag.
std::string body_etag(const std::string& text) {
    std::uint64_t hash = 14695981039346656037ull;
    for (unsigned char c : text) {
        hash = (hash ^ c) * 1099511628211ull;
    }
    char etag[32];
    std::snprintf(etag, sizeof etag, "\"guide-%016llx\"", static_cast<unsigned long long>(hash));
    return etag;
}

std::string catalog_body(const Catalog& c, int since) {
    json::array services, removed;
    for (const auto& s : c.services) {
        if (s.version > since) {
            services.push_back(service_json(s));
        }
    }
    for (const auto& r : c.removed) {
        if (r.version > since) {
            removed.push_back({{"id", r.id}, {"version", r.version}});
        }
    }
    json::object o{{"version", c.version},
                   {"since", since},
                   {"count", services.size()},
                   {"services", std::move(services)},
                   {"removed", std::move(removed)}};
    return to_json_text(o);
}

} // namespace

void add_catalog_routes(Router& r, ServerContext& ctx) {
    r.get("/v1/city", [&ctx](const httplib::Request& req, httplib::Response& res) {
        send_json(res, 200, city_json(ctx, req));
    });

    struct Stored {
        std::string plain, zipped;
    };
    auto full = std::make_shared<const Stored>([&] {
        Stored s{catalog_body(ctx.catalog, 0), {}};
        s.zipped = gzip(s.plain);
        return s;
    }());
    r.get("/v1/catalog", [&ctx, full](const httplib::Request& req, httplib::Response& res) {
        const auto& c = ctx.catalog;
        auto since = int_param(req, "since", 0, 0, c.version);
        if (!since) {
            send_problem(res, req, 400, "invalid-parameter", "Invalid since",
                         "since must be a catalog version between 0 and " +
                             std::to_string(c.version) + ".");
            return;
        }
        res.set_header("ETag", c.etag());
        res.set_header("Cache-Control", "no-cache");
        res.set_header("Vary", "Accept-Encoding");
        res.set_header("X-Catalog-Version", std::to_string(c.version));
        if (req.has_header("If-None-Match") &&
            etag_matches(req.get_header_value("If-None-Match"), c.etag())) {
            res.status = 304;
            return;
        }
        res.status = 200;
        // The media type carries a charset so cpp-httplib leaves the body alone: the catalog
        // compresses itself (the full one once, at start).
        const char* type = "application/json; charset=utf-8";
        const bool zip = accepts_gzip(req.get_header_value("Accept-Encoding"));
        if (*since == 0) {
            res.set_content(zip ? full->zipped : full->plain, type);
        } else {
            auto body = catalog_body(c, static_cast<int>(*since));
            res.set_content(zip ? gzip(body) : body, type);
        }
        if (zip) {
            res.set_header("Content-Encoding", "gzip");
        }
    });

    r.get(R"(/v1/services/([A-Za-z0-9-]+))",
          [&ctx](const httplib::Request& req, httplib::Response& res) {
              const auto* s = ctx.catalog.find(req.matches[1]);
              if (!s) {
                  send_problem(res, req, 404, "service-not-found", "No such service",
                               "The catalog has no service " + std::string(req.matches[1]) + ".");
                  return;
              }
              const std::string body = to_json_text(service_guide_json(*s));
              const std::string etag = body_etag(body);
              res.set_header("ETag", etag);
              res.set_header("Cache-Control", "no-cache");
              if (req.has_header("If-None-Match") &&
                  etag_matches(req.get_header_value("If-None-Match"), etag)) {
                  res.status = 304;
                  return;
              }
              res.status = 200;
              res.set_content(body, "application/json");
          });

    // The same guide for people: what the app opens in the browser.
    r.get(R"(/services/([A-Za-z0-9-]+))", [&ctx](const httplib::Request& req,
                                                 httplib::Response& res) {
        const auto* s = ctx.catalog.find(req.matches[1]);
        if (!s) {
            res.status = 404;
            res.set_content("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">"
                            "<title>404</title></head><body><p>没有这项服务 / No such "
                            "service.</p></body></html>\n",
                            "text/html; charset=utf-8");
            return;
        }
        res.status = 200;
        res.set_content(service_page_html(service_guide_json(*s)), "text/html; charset=utf-8");
    });
}

} // namespace cd::server
