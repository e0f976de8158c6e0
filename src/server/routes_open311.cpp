// My Voice as Open311 GeoReport v2 (JSON): discovery, services, service definitions with
// attributes, POST requests (form-encoded, attribute[CODE]), GET requests with the standard
// filters, requests/{id}, tokens/{token}, and the servicerequestupdates extension. Officials'
// replies and status changes arrive over virtual time (clock speed), computed on read.
// Errors use Open311's own list format: [{"code": 400, "description": "..."}]. What a city
// does differently (open311_profiles.h) is decided per request by the profile in force.
#include "core/wire_number.h"
#include "server/open311_profiles.h"
#include "server/open311_services.h"
#include "server/seed_rng.h"
#include "server/server_context.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdio>

namespace cd::server {
namespace {

// Service lists and definitions change only with a new build, so clients keep them and ask
// again with If-None-Match: a strong validator from the body (FNV-1a, stable across runs).
void send_json_with_etag(const httplib::Request& req, httplib::Response& res,
                         const json::value& body) {
    const std::string text = json::serialize(body);
    std::uint64_t hash = 14695981039346656037ull;
    for (unsigned char c : text) {
        hash = (hash ^ c) * 1099511628211ull;
    }
    char etag[24];
    std::snprintf(etag, sizeof etag, "\"%016llx\"", static_cast<unsigned long long>(hash));
    res.set_header("ETag", etag);
    res.set_header("Cache-Control", "no-cache");
    if (req.get_header_value("If-None-Match").find(etag) != std::string::npos) {
        res.status = 304;
        return;
    }
    send_json(res, 200, body);
}

struct Stage {
    double after_hours;
    const char* status;
    const char* notes;
};

// Virtual-time stages of every report; the outcome picks the closing words.
const Stage stages[] = {
    {1, "open", "已受理，已转交责任部门。Received and passed to the responsible department."},
    {6, "open", "已派员现场核查。An officer has been sent to check on site."},
    {48, "closed", nullptr},
};
const char* closing_notes[] = {
    "已处理完毕，感谢您的反映。Fixed. Thank you for reporting it.",
    "经核查情况属实，已责令整改。Confirmed; the party responsible has been ordered to fix it.",
    "经现场核查未发现所述问题。We could not find the problem on site.",
};

struct ReportRow {
    std::int64_t id;
    std::string token, code, description, address, media;
    double lat, lon;
    bool has_location;
    std::int64_t requested_ms;
    int outcome;
};

ReportRow read_row(Statement& st) {
    return {st.integer(0),
            st.text(1),
            st.text(2),
            st.text(3),
            st.text(4),
            st.text(5),
            st.real(6),
            st.real(7),
            !st.is_null(6),
            st.integer(8),
            static_cast<int>(st.integer(9))};
}

constexpr const char* select_report =
    "SELECT id, token, service_code, description, address, media_url, lat, lon, requested_ms, "
    "outcome FROM reports ";

json::object request_json(const ServerContext& ctx, const Open311Profile& p, const ReportRow& r) {
    const auto* svc = report_service(r.code);
    double hours = ctx.virtual_seconds_since(r.requested_ms) / 3600.0;
    std::string status = "open", notes;
    std::int64_t updated = r.requested_ms;
    for (const auto& s : stages) {
        if (s.after_hours > hours) {
            break;
        }
        status = s.status;
        notes = s.notes ? s.notes : closing_notes[r.outcome % 3];
        updated = ctx.real_ms_after(r.requested_ms, s.after_hours * 3600.0);
    }
    json::object o{
        {"service_request_id", std::to_string(r.id)},
        {"status", open311_status(p, status)},
        {"status_notes", notes.empty() ? json::value(nullptr) : json::value(notes)},
        {"service_name", svc ? svc->name : ""},
        {"service_code", r.code},
        {"description", r.description},
        {"agency_responsible", svc ? svc->agency : ""},
        {"service_notice", "预计2个工作日内答复 Expect a reply within 2 working days"},
        {"requested_datetime", open311_time(p, r.requested_ms)},
        {"updated_datetime", open311_time(p, updated)},
        {"expected_datetime", open311_time(p, ctx.real_ms_after(r.requested_ms, 48 * 3600.0))},
        {"address", r.address.empty() ? json::value(nullptr) : json::value(r.address)},
        {"address_id", nullptr},
        {"zipcode", nullptr}};
    o["lat"] = r.has_location ? json::value(r.lat) : json::value(nullptr);
    o["long"] = r.has_location ? json::value(r.lon) : json::value(nullptr);
    o["media_url"] = r.media.empty() ? json::value(nullptr) : json::value(r.media);
    if (!p.service_fields) {
        o.erase("service_code");
        o.erase("service_name");
    }
    return o;
}

json::array updates_json(const ServerContext& ctx, const Open311Profile& p, const ReportRow& r) {
    json::array out;
    double hours = ctx.virtual_seconds_since(r.requested_ms) / 3600.0;
    int n = 0;
    for (const auto& s : stages) {
        ++n;
        if (s.after_hours > hours) {
            break;
        }
        out.push_back({{"update_id", std::to_string(r.id) + "-" + std::to_string(n)},
                       {"service_request_id", std::to_string(r.id)},
                       {"status", open311_status(p, s.status)},
                       {"updated_datetime",
                        open311_time(p, ctx.real_ms_after(r.requested_ms, s.after_hours * 3600.0))},
                       {"description", s.notes ? s.notes : closing_notes[r.outcome % 3]},
                       {"media_url", nullptr}});
    }
    return out;
}

// A form field from urlencoded params or a multipart part.
std::string field(const httplib::Request& req, const std::string& name) {
    if (req.has_param(name.c_str())) {
        return req.get_param_value(name.c_str());
    }
    if (req.has_file(name.c_str())) {
        return req.get_file_value(name.c_str()).content;
    }
    return {};
}

// The demo platform runs inside the app, under the citizen's locale: stod would refuse "30.27"
// in de_DE.
std::optional<double> number(const std::string& s) {
    return parse_wire_number(s);
}

// A strict city refuses any call without its own jurisdiction_id.
bool jurisdiction_ok(const Open311Profile& p, const httplib::Request& req, httplib::Response& res) {
    if (!p.strict || field(req, "jurisdiction_id") == strict_jurisdiction_id) {
        return true;
    }
    send_open311_error(res, p, 400, "jurisdiction_id is missing or unknown");
    return false;
}

void post_request(ServerContext& ctx, const httplib::Request& req, httplib::Response& res) {
    const auto profile = ctx.open311.get();
    const Open311Profile& p = *profile;
    if (!jurisdiction_ok(p, req, res)) {
        return;
    }
    if (field(req, "api_key").empty()) {
        send_open311_error(res, p, 400, "api_key is required");
        return;
    }
    if (p.strict && field(req, "api_key") != strict_api_key) {
        send_open311_error(res, p, 403, "api_key is not valid for this city");
        return;
    }
    const auto* svc = report_service(field(req, "service_code"));
    if (!svc) {
        // Some cities answer a code they do not take with 403, in their own words.
        send_open311_error(res, p, p.error_object ? 403 : 400,
                           "service_code " + field(req, "service_code") +
                               " is not accepted by this city");
        return;
    }
    auto lat = number(field(req, "lat")), lon = number(field(req, "long"));
    std::string address = field(req, "address_string");
    if ((lat.has_value() != lon.has_value()) ||
        (!lat && address.empty() && field(req, "address_id").empty())) {
        send_open311_error(res, p, 400,
                           "a location is required: lat and long, address_string or address_id");
        return;
    }
    if (lat && (*lat < -90 || *lat > 90 || *lon < -180 || *lon > 180)) {
        send_open311_error(res, p, 400, "lat/long out of range");
        return;
    }
    json::object attrs;
    for (const auto& a : svc->attributes) {
        std::string key = std::string("attribute[") + a.code + "]";
        std::string datatype = a.datatype;
        if (datatype == "multivaluelist") {
            json::array picked;
            auto n = req.get_param_value_count((key + "[]").c_str());
            for (std::size_t i = 0; i < n; ++i) {
                picked.emplace_back(req.get_param_value((key + "[]").c_str(), i));
            }
            if (picked.empty() && req.has_param(key.c_str())) {
                picked.emplace_back(req.get_param_value(key.c_str()));
            }
            if (a.required && picked.empty()) {
                send_open311_error(res, p, 400, std::string(a.code) + " is required");
                return;
            }
            attrs[a.code] = std::move(picked);
            continue;
        }
        std::string v = field(req, key);
        if (v.empty()) {
            if (a.required) {
                send_open311_error(res, p, 400, std::string(a.code) + " is required");
                return;
            }
            continue;
        }
        if (datatype == "singlevaluelist") {
            if (!open311_value_listed(p, a.values, v)) {
                send_open311_error(res, p, 400,
                                   std::string(a.code) + " is not one of the listed values");
                return;
            }
        } else if (datatype == "number" && !number(v)) {
            send_open311_error(res, p, 400, std::string(a.code) + " must be a number");
            return;
        }
        attrs[a.code] = v;
    }
    std::string description = field(req, "description");
    // Open311 limits the description to 4,000 characters, not bytes (a Chinese one is 3 each).
    const auto characters = std::count_if(description.begin(), description.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    });
    if (characters > 4000) {
        send_open311_error(res, p, 400, "description is longer than 4000 characters");
        return;
    }
    std::string token = random_hex(12);
    std::string media = field(req, "media_url");
    if (media.empty() && req.has_file("media") && !req.get_file_value("media").filename.empty()) {
        media = "/open311/v2/media/" + token + "/" + req.get_file_value("media").filename;
    }
    auto lock = ctx.db->lock();
    Transaction tx(*ctx.db);
    auto next = ctx.db->prepare("SELECT COALESCE(MAX(id), 100000) + 1 FROM reports");
    next.step();
    std::int64_t id = next.integer(0);
    auto ins = ctx.db->prepare("INSERT INTO reports VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    ins.bind(1, id).bind(2, token).bind(3, svc->code).bind(4, description);
    if (lat) {
        ins.bind(5, *lat).bind(6, *lon);
    } else {
        ins.bind_null(5).bind_null(6);
    }
    ins.bind(7, address)
        .bind(8, media)
        .bind(9, field(req, "email"))
        .bind(10, field(req, "first_name"))
        .bind(11, field(req, "last_name"))
        .bind(12, field(req, "phone"))
        .bind(13, json::serialize(attrs))
        .bind(14, to_ms(ctx.now()))
        .bind(15, static_cast<std::int64_t>(SeedRng::hash(token) % 3));
    ins.run();
    tx.commit();
    if (!p.multiple_media && req.files.count("media") > 1) {
        // Such a city breaks on the second photo after it has stored the ticket: the client
        // sees the connection go, not an answer.
        drop_connection(req);
        res.status = 500;
        return;
    }
    json::object created{
        {"service_request_id", std::to_string(id)},
        {"token", token},
        {"service_notice", "预计2个工作日内答复 Expect a reply within 2 working days"},
        {"account_id", nullptr}};
    if (p.token_only) {
        created.erase("service_request_id");
    }
    send_json(res, 201, json::array{std::move(created)});
}

// A W3C date-time ("2026-11-28", "2026-11-28T20:00:00Z", "...+08:00") as UTC milliseconds.
std::optional<std::int64_t> parse_datetime_ms(const std::string& s) {
    if (s.size() < 10) {
        return std::nullopt;
    }
    auto day = parse_iso_date(s.substr(0, 10));
    if (!day) {
        return std::nullopt;
    }
    auto two = [&](std::size_t pos) -> int {
        if (pos + 2 > s.size() || s[pos] < '0' || s[pos] > '9' || s[pos + 1] < '0' ||
            s[pos + 1] > '9') {
            return -1;
        }
        return (s[pos] - '0') * 10 + (s[pos + 1] - '0');
    };
    std::int64_t ms = *day * 86400000LL;
    if (s.size() == 10) {
        return ms;
    }
    int h = two(11), m = two(14), sec = two(17);
    if (s[10] != 'T' || h < 0 || h > 23 || m < 0 || m > 59 || sec < 0 || sec > 60) {
        return std::nullopt;
    }
    ms += (h * 3600LL + m * 60LL + sec) * 1000LL;
    std::size_t tz = 19;
    if (tz < s.size() && s[tz] == '.') { // fractional seconds: ignored
        while (++tz < s.size() && s[tz] >= '0' && s[tz] <= '9') {
        }
    }
    if (tz == s.size() || (s[tz] == 'Z' && tz + 1 == s.size())) {
        return ms;
    }
    if ((s[tz] == '+' || s[tz] == '-') && tz + 6 == s.size() && s[tz + 3] == ':') {
        int oh = two(tz + 1), om = two(tz + 4);
        if (oh < 0 || om < 0) {
            return std::nullopt;
        }
        std::int64_t off = (oh * 60LL + om) * 60000LL;
        return s[tz] == '+' ? ms - off : ms + off;
    }
    return std::nullopt;
}

bool in_list(const std::string& csv, const std::string& value) {
    std::size_t pos = 0;
    while (pos <= csv.size()) {
        auto comma = csv.find(',', pos);
        if (csv.substr(pos, comma == std::string::npos ? std::string::npos : comma - pos) ==
            value) {
            return true;
        }
        if (comma == std::string::npos) {
            break;
        }
        pos = comma + 1;
    }
    return false;
}

// start_date/end_date of the standard filters, in ms since the epoch (default: the last 90
// days up to tomorrow); answers 400 and returns nothing when either is not a W3C date-time.
std::optional<std::pair<std::int64_t, std::int64_t>> date_window(const ServerContext& ctx,
                                                                 const Open311Profile& p,
                                                                 const httplib::Request& req,
                                                                 httplib::Response& res) {
    std::optional<std::int64_t> start = to_ms(ctx.now()) - 90LL * 86400000LL;
    std::optional<std::int64_t> end = to_ms(ctx.now()) + 86400000LL;
    if (!p.date_filters) {
        return std::pair{*start, *end};
    }
    if (req.has_param("start_date")) {
        start = parse_datetime_ms(req.get_param_value("start_date"));
    }
    if (req.has_param("end_date")) {
        end = parse_datetime_ms(req.get_param_value("end_date"));
    }
    if (!start || !end) {
        send_open311_error(res, p, 400, "start_date and end_date must be W3C date-times");
        return std::nullopt;
    }
    return std::pair{*start, *end};
}

void get_requests(ServerContext& ctx, const httplib::Request& req, httplib::Response& res) {
    const auto profile = ctx.open311.get();
    const Open311Profile& p = *profile;
    if (!jurisdiction_ok(p, req, res)) {
        return;
    }
    const auto window = date_window(ctx, p, req, res);
    if (!window) {
        return;
    }
    const auto [start, end] = *window;
    std::string ids = req.get_param_value("service_request_id");
    std::string codes = req.get_param_value("service_code");
    std::string statuses = req.get_param_value("status");
    json::array out;
    auto lock = ctx.db->lock();
    auto st =
        ctx.db->prepare(std::string(select_report) +
                        "WHERE requested_ms BETWEEN ? AND ? ORDER BY requested_ms DESC LIMIT 1000");
    st.bind(1, start).bind(2, end);
    while (st.step()) {
        auto row = read_row(st);
        if ((!ids.empty() && !in_list(ids, std::to_string(row.id))) ||
            (!codes.empty() && !in_list(codes, row.code))) {
            continue;
        }
        auto r = request_json(ctx, p, row);
        std::string status(r["status"].as_string());
        std::transform(status.begin(), status.end(), status.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        if (!statuses.empty() && !in_list(statuses, status)) {
            continue;
        }
        out.push_back(std::move(r));
    }
    send_json(res, 200, out);
}

} // namespace

void seed_reports(Database& db, std::uint64_t seed) {
    static const char* texts[] = {
        "路口有个大坑，电动车经过很危险。",
        "小区门口路灯一直不亮。",
        "垃圾桶已经满了两天没人清运。",
        "河边有污水直接排入河道，有异味。",
        "夜里十一点后还在施工，很吵。",
        "消防通道上长期停着车。",
        "大风把行道树刮倒了。",
        "公园健身器材坏了，有安全隐患。",
        "人行道上的井盖不见了。",
        "今天早上开始停水，没有通知。",
    };
    const auto& list = report_services();
    SeedRng rng(seed, "reports");
    auto now = to_ms(Clock::now());
    const auto& districts = city_data().districts;
    for (int i = 0; i < 48; ++i) {
        auto s = rng.below(list.size());
        const auto& d = districts[rng.below(districts.size())];
        std::int64_t at = now - static_cast<std::int64_t>(48 - i) * 5 * 3600000LL -
                          static_cast<std::int64_t>(rng.below(3600000));
        db.prepare("INSERT INTO reports VALUES(?,?,?,?,?,?,?,?,NULL,NULL,NULL,NULL,?,?,?)")
            .bind(1, std::int64_t{100001} + i)
            .bind(2, "seed" + std::to_string(i))
            .bind(3, list[s].code)
            .bind(4, texts[s])
            .bind(5, d.lat + (rng.unit() - 0.5) * 0.04)
            .bind(6, d.lon + (rng.unit() - 0.5) * 0.04)
            .bind(7, d.name.zh)
            .bind(8, "")
            .bind(9, "{}")
            .bind(10, at)
            .bind(11, static_cast<std::int64_t>(rng.below(3)))
            .run();
    }
}

void add_open311_routes(Router& r, ServerContext& ctx) {
    // Every route answers as the profile in force when the request arrives.
    auto as_city = [&ctx](auto handler) {
        return [&ctx, handler](const httplib::Request& req, httplib::Response& res) {
            const auto profile = ctx.open311.get();
            if (jurisdiction_ok(*profile, req, res)) {
                handler(*profile, req, res);
            }
        };
    };
    r.get("/open311/v2/discovery.json", [](const httplib::Request& req, httplib::Response& res) {
        std::string base = "http://" + req.get_header_value("Host") + "/open311/v2/";
        send_json(
            res, 200,
            {{"changeset", "2026-11-01T00:00:00Z"},
             {"contact", "12345 市民服务热线 citizen hotline"},
             {"key_service", "Any non-empty api_key is accepted by the reference server."},
             {"endpoints", json::array{{{"specification", "http://wiki.open311.org/GeoReport_v2"},
                                        {"url", base},
                                        {"changeset", "2026-11-01T00:00:00Z"},
                                        {"type", "production"},
                                        {"formats", json::array{"application/json"}}}}}});
    });
    r.get("/open311/v2/services.json",
          as_city([](const Open311Profile&, const httplib::Request& req, httplib::Response& res) {
              json::array out;
              for (const auto& s : report_services()) {
                  std::string_view k = s.keywords;
                  out.push_back({{"service_code", s.code},
                                 {"service_name", s.name},
                                 {"description", s.description},
                                 {"metadata", !s.attributes.empty()},
                                 {"type", "realtime"},
                                 {"keywords", k},
                                 {"group", s.group}});
              }
              send_json_with_etag(req, res, out);
          }));
    r.get(R"(/open311/v2/services/([^/]+)\.json)",
          as_city([](const Open311Profile& p, const httplib::Request& req, httplib::Response& res) {
              const auto* s = report_service(req.matches[1]);
              if (!s) {
                  send_open311_error(res, p, 404, "service_code not found");
                  return;
              }
              json::array attrs;
              int order = 0;
              for (const auto& a : s->attributes) {
                  json::object o{{"variable", true},
                                 {"code", a.code},
                                 {"datatype", a.datatype},
                                 {"required", a.required},
                                 {"datatype_description", nullptr},
                                 {"order", ++order},
                                 {"description", a.description}};
                  std::string_view dt = a.datatype;
                  if (dt == "singlevaluelist" || dt == "multivaluelist") {
                      o["values"] = open311_values(p, a.values);
                  }
                  attrs.push_back(std::move(o));
              }
              send_json_with_etag(req, res,
                                  {{"service_code", s->code}, {"attributes", std::move(attrs)}});
          }));
    r.post("/open311/v2/requests.json",
           [&ctx](auto& req, auto& res) { post_request(ctx, req, res); });
    r.get("/open311/v2/requests.json",
          [&ctx](auto& req, auto& res) { get_requests(ctx, req, res); });
    r.get(R"(/open311/v2/requests/([0-9]+)\.json)",
          as_city(
              [&ctx](const Open311Profile& p, const httplib::Request& req, httplib::Response& res) {
                  auto lock = ctx.db->lock();
                  auto st = ctx.db->prepare(std::string(select_report) + "WHERE id = ?");
                  st.bind(1, static_cast<std::int64_t>(std::stoll(req.matches[1])));
                  if (!st.step()) {
                      send_open311_error(res, p, 404, "service_request_id not found");
                      return;
                  }
                  send_json(res, 200, json::array{request_json(ctx, p, read_row(st))});
              }));
    r.get(R"(/open311/v2/tokens/([A-Za-z0-9]+)\.json)",
          as_city(
              [&ctx](const Open311Profile& p, const httplib::Request& req, httplib::Response& res) {
                  auto lock = ctx.db->lock();
                  auto st = ctx.db->prepare("SELECT id, token FROM reports WHERE token = ?");
                  st.bind(1, std::string(req.matches[1]));
                  if (!st.step()) {
                      send_open311_error(res, p, 404, "token not found");
                      return;
                  }
                  send_json(res, 200,
                            json::array{{{"service_request_id", std::to_string(st.integer(0))},
                                         {"token", st.text(1)}}});
              }));
    r.get("/open311/v2/servicerequestupdates.json",
          as_city(
              [&ctx](const Open311Profile& p, const httplib::Request& req, httplib::Response& res) {
                  if (!p.updates) {
                      send_open311_error(res, p, 404, "not found");
                      return;
                  }
                  const auto window = date_window(ctx, p, req, res);
                  if (!window) {
                      return;
                  }
                  const auto [start, end] = *window;
                  std::string ids = req.get_param_value("service_request_id");
                  json::array out;
                  auto lock = ctx.db->lock();
                  auto st = ctx.db->prepare(std::string(select_report) +
                                            "ORDER BY requested_ms DESC LIMIT 1000");
                  while (st.step()) {
                      auto row = read_row(st);
                      if (!ids.empty() && !in_list(ids, std::to_string(row.id))) {
                          continue;
                      }
                      for (auto& u : updates_json(ctx, p, row)) {
                          auto at = parse_datetime_ms(
                              std::string(u.as_object().at("updated_datetime").as_string()));
                          at = p.date_filters ? at : std::optional<std::int64_t>(start);
                          if (at && *at >= start && *at <= end) {
                              out.push_back(std::move(u));
                          }
                      }
                  }
                  send_json(res, 200, out);
              }));
    if (ctx.options.faults) {
        add_open311_profile_control(r, ctx);
    }
}

} // namespace cd::server
