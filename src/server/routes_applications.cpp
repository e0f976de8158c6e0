// Applications: submit (multipart: service_id, form as JSON, attachments), list mine, one
// with its timeline. Statuses move forward on the server as virtual time passes
// (clock speed): accepted -> under_review (2 h) -> approved | rejected (26 h) ->
// ready_for_pickup (50 h, approved only). Computed on read, so no background thread.
#include "server/idempotency.h"
#include "server/seed_rng.h"
#include "server/server_context.h"
#include "server/service_guide.h"

namespace cd::server {
namespace {

struct Step {
    const char* status;
    double after_hours;
    const char* zh;
    const char* en;
};

constexpr Step approved_path[] = {
    {"accepted", 0, "申请已受理。", "Your application has been accepted."},
    {"under_review", 2, "承办部门正在审核。", "The department is reviewing it."},
    {"approved", 26, "审核通过。", "Approved."},
    {"ready_for_pickup", 50, "证件已制作完成，可到大厅领取。", "Ready for pickup at the hall."},
};
constexpr Step rejected_path[] = {
    {"accepted", 0, "申请已受理。", "Your application has been accepted."},
    {"under_review", 2, "承办部门正在审核。", "The department is reviewing it."},
    {"rejected", 26, "材料不符合要求，未予通过。",
     "Rejected: the documents do not meet the requirements."},
};

constexpr std::size_t max_attachments = 5;
constexpr std::size_t max_attachment_bytes = 5 * 1024 * 1024;

json::object application_json(ServerContext& ctx, Statement& st) {
    // columns: id, service_id, form, attachments, submitted_ms, approved
    const std::int64_t submitted = st.integer(4);
    const bool approved = st.integer(5) != 0;
    const double elapsed_h = ctx.virtual_seconds_since(submitted) / 3600.0;
    json::array timeline;
    std::string status = "accepted";
    std::int64_t updated = submitted;
    json::value next = nullptr;
    auto walk = [&](const auto& path) {
        for (const auto& s : path) {
            auto at = ctx.real_ms_after(submitted, s.after_hours * 3600.0);
            if (s.after_hours > elapsed_h) {
                next = json::object{{"expected_at", iso8601_ms(at)}}; // the outcome stays hidden
                break;
            }
            timeline.push_back({{"status", s.status},
                                {"at", iso8601_ms(at)},
                                {"note", {{"zh", s.zh}, {"en", s.en}}}});
            status = s.status;
            updated = at;
        }
    };
    if (approved) {
        walk(approved_path);
    } else {
        walk(rejected_path);
    }
    const auto* svc = ctx.catalog.find(st.text(1));
    json::object name{{"zh", svc ? svc->name.zh : ""}, {"en", svc ? svc->name.en : ""}};
    return {{"id", st.text(0)},
            {"service_id", st.text(1)},
            {"service_name", std::move(name)},
            {"status", status},
            {"submitted_at", iso8601_ms(submitted)},
            {"updated_at", iso8601_ms(updated)},
            {"form", json::parse(st.text(2))},
            {"attachments", json::parse(st.text(3))},
            {"timeline", std::move(timeline)},
            {"next", std::move(next)}};
}

constexpr const char* select_application =
    "SELECT id, service_id, form, attachments, submitted_ms, approved FROM applications ";

void submit(ServerContext& ctx, const httplib::Request& req, httplib::Response& res) {
    auto citizen = authenticate(ctx, req, res);
    if (!citizen) {
        return;
    }
    if (!req.is_multipart_form_data()) {
        send_problem(res, req, 415, "unsupported-media-type", "Multipart form data required",
                     "Send multipart/form-data with service_id, form (JSON) and attachments.");
        return;
    }
    std::string service_id =
        req.has_file("service_id") ? req.get_file_value("service_id").content : "";
    const Service* svc = ctx.catalog.find(service_id);
    if (!svc) {
        send_problem(res, req, 422, "validation-failed", "Unknown service",
                     "service_id does not name a catalog service.");
        return;
    }
    if (svc->channel == "counter") {
        send_problem(res, req, 422, "service-not-online", "Apply at a counter",
                     "This service is handled at a hall counter only.");
        return;
    }
    json::error_code ec;
    auto form = json::parse(req.has_file("form") ? req.get_file_value("form").content : "", ec);
    if (ec || !form.is_object()) {
        send_problem(res, req, 422, "validation-failed", "Invalid form",
                     "The form part must be a JSON object of field values.");
        return;
    }
    auto errors = validate_form(*svc, form.as_object());
    if (!errors.empty()) {
        send_problem(res, req, 422, "validation-failed", "The form has errors",
                     "Some fields are missing or invalid.", {{"errors", std::move(errors)}});
        return;
    }
    // Optional: with it, a retry of this submission (after an answer that never arrived) gets
    // the first answer back instead of filing the application twice.
    const std::string key = req.get_header_value("Idempotency-Key");
    if (key.size() > 255) {
        send_problem(res, req, 400, "idempotency-key-invalid", "Idempotency-Key too long",
                     "An Idempotency-Key has 1 to 255 characters.");
        return;
    }
    // The submission as the key stands for it; multipart boundaries differ between retries.
    std::string canonical = "application\n" + service_id + "\n" + json::serialize(form);
    json::array attachments;
    for (const auto& [name, part] : req.files) {
        if (name != "attachments") {
            continue;
        }
        if (part.content.size() > max_attachment_bytes || attachments.size() >= max_attachments) {
            send_problem(res, req, 413, "attachment-too-large", "Attachments too large",
                         "At most 5 attachments of 5 MiB each.");
            return;
        }
        attachments.push_back({{"name", part.filename},
                               {"content_type", part.content_type},
                               {"size", part.content.size()}});
        canonical += "\n" + part.filename + ":" + std::to_string(part.content.size()) + ":" +
                     std::to_string(SeedRng::hash(part.content));
    }
    std::string id = "A" + random_hex(6);
    std::string notes(str_or(form.as_object(), "notes", ""));
    bool approved = notes.find("#reject") == std::string::npos && SeedRng::hash(id) % 5 != 0;
    auto lock = ctx.db->lock();
    Transaction tx(*ctx.db); // the application and the answer kept for its key, together
    if (!key.empty() && answer_from_idempotency(ctx, req, res, *citizen, key, canonical)) {
        return;
    }
    ctx.db->prepare("INSERT INTO applications VALUES(?,?,?,?,?,?,?)")
        .bind(1, id)
        .bind(2, *citizen)
        .bind(3, service_id)
        .bind(4, json::serialize(form))
        .bind(5, json::serialize(attachments))
        .bind(6, to_ms(ctx.now()))
        .bind(7, approved ? 1 : 0)
        .run();
    auto st = ctx.db->prepare(std::string(select_application) + "WHERE id = ?");
    st.bind(1, id);
    st.step();
    res.set_header("Location", "/v1/applications/" + id);
    send_json(res, 201, application_json(ctx, st));
    if (!key.empty()) {
        remember_idempotent(ctx, *citizen, key, canonical, res);
    }
    tx.commit();
}

void list(ServerContext& ctx, const httplib::Request& req, httplib::Response& res) {
    auto citizen = authenticate(ctx, req, res);
    if (!citizen) {
        return;
    }
    auto lock = ctx.db->lock();
    auto st = ctx.db->prepare(std::string(select_application) +
                              "WHERE citizen_id = ? ORDER BY submitted_ms DESC, id");
    st.bind(1, *citizen);
    json::array items;
    while (st.step()) {
        items.push_back(application_json(ctx, st));
    }
    send_json(res, 200, {{"applications", std::move(items)}});
}

void one(ServerContext& ctx, const httplib::Request& req, httplib::Response& res) {
    auto citizen = authenticate(ctx, req, res);
    if (!citizen) {
        return;
    }
    auto lock = ctx.db->lock();
    auto st = ctx.db->prepare(std::string(select_application) + "WHERE id = ? AND citizen_id = ?");
    st.bind(1, std::string(req.matches[1])).bind(2, *citizen);
    if (!st.step()) {
        send_problem(res, req, 404, "application-not-found", "No such application",
                     "You have no application with this id.");
        return;
    }
    send_json(res, 200, application_json(ctx, st));
}

} // namespace

void add_application_routes(Router& r, ServerContext& ctx) {
    r.post("/v1/applications", [&ctx](auto& req, auto& res) { submit(ctx, req, res); });
    r.get("/v1/applications", [&ctx](auto& req, auto& res) { list(ctx, req, res); });
    r.get(R"(/v1/applications/([A-Za-z0-9-]+))",
          [&ctx](auto& req, auto& res) { one(ctx, req, res); });
}

} // namespace cd::server
