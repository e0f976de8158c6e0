// Halls, free slots by day, and appointments: book, move, cancel. A slot holds one booking:
// the check and the insert run in one transaction under the database lock, and a partial
// unique index (slot_id WHERE status = 'booked') backs it up.
#include "server/halls.h"
#include "server/server_context.h"

namespace cd::server {
namespace {

constexpr std::int64_t booking_horizon_days = 30;

json::object appointment_json(Statement& st) {
    // columns: id, service_id, slot_id, status, created_ms
    auto slot = parse_slot(st.text(2));
    json::object o{{"id", st.text(0)},
                   {"service_id", st.text(1)},
                   {"slot_id", st.text(2)},
                   {"status", st.text(3)},
                   {"created_at", iso8601_ms(st.integer(4))}};
    o["hall_id"] = slot ? slot->hall_id : "";
    o["start"] = slot ? slot_start(*slot) : "";
    o["end"] = slot ? slot_end(*slot) : "";
    return o;
}

constexpr const char* select_appointment =
    "SELECT id, service_id, slot_id, status, created_ms FROM appointments ";

bool slot_taken(Database& db, const std::string& slot_id) {
    auto st = db.prepare("SELECT 1 FROM appointments WHERE slot_id = ? AND status = 'booked'");
    st.bind(1, slot_id);
    return st.step();
}

// A bookable slot: exists, in the future, within the horizon. Sends 422 otherwise.
std::optional<Slot> bookable(const httplib::Request& req, httplib::Response& res,
                             const std::string& slot_id) {
    auto slot = parse_slot(slot_id);
    if (!slot || slot_start_ms(*slot) <= to_ms(Clock::now()) ||
        slot->day > local_today() + booking_horizon_days) {
        send_problem(res, req, 422, "invalid-slot", "Slot cannot be booked",
                     "The slot does not exist, has passed, or is more than 30 days ahead.");
        return std::nullopt;
    }
    return slot;
}

void send_taken(const httplib::Request& req, httplib::Response& res) {
    send_problem(res, req, 409, "slot-taken", "Slot already taken",
                 "Someone booked this slot a moment ago; pick another one.");
}

void list_halls(const httplib::Request& req, httplib::Response& res) {
    std::string district = req.has_param("district") ? req.get_param_value("district") : "";
    json::array list;
    for (const auto& h : halls()) {
        if (district.empty() || h.district == district) {
            list.push_back(hall_json(h));
        }
    }
    send_json(res, 200, {{"halls", std::move(list)}});
}

void free_slots(ServerContext& ctx, const httplib::Request& req, httplib::Response& res) {
    const Hall* hall = find_hall(req.matches[1]);
    if (!hall) {
        send_problem(res, req, 404, "hall-not-found", "No such hall", "Unknown hall id.");
        return;
    }
    std::int64_t today = local_today();
    std::optional<std::int64_t> day = today;
    if (req.has_param("date")) {
        day = parse_iso_date(req.get_param_value("date"));
    }
    if (!day || *day < today || *day > today + booking_horizon_days) {
        send_problem(res, req, 400, "invalid-parameter", "Invalid date",
                     "date must be YYYY-MM-DD, from today up to 30 days ahead.");
        return;
    }
    auto now = to_ms(Clock::now());
    json::array slots;
    auto lock = ctx.db->lock();
    for (const auto& s : slots_for(*hall, *day)) {
        bool free = slot_start_ms(s) > now && !slot_taken(*ctx.db, s.id);
        slots.push_back(
            {{"id", s.id}, {"start", slot_start(s)}, {"end", slot_end(s)}, {"available", free}});
    }
    int y;
    unsigned m, d;
    civil_from_days(*day, y, m, d);
    char date[16];
    std::snprintf(date, sizeof date, "%04d-%02u-%02u", y, m, d);
    send_json(res, 200, {{"hall_id", hall->id}, {"date", date}, {"slots", std::move(slots)}});
}

void book(ServerContext& ctx, const httplib::Request& req, httplib::Response& res) {
    auto citizen = authenticate(ctx, req, res);
    if (!citizen) {
        return;
    }
    auto body = json_body(req, res);
    if (!body) {
        return;
    }
    std::string slot_id(str_or(*body, "slot_id", ""));
    std::string service_id(str_or(*body, "service_id", ""));
    if (!ctx.catalog.find(service_id)) {
        send_problem(res, req, 422, "validation-failed", "Unknown service",
                     "service_id does not name a catalog service.");
        return;
    }
    if (!bookable(req, res, slot_id)) {
        return;
    }
    auto lock = ctx.db->lock();
    Transaction tx(*ctx.db);
    if (slot_taken(*ctx.db, slot_id)) {
        send_taken(req, res);
        return;
    }
    std::string id = "AP" + random_hex(6);
    ctx.db->prepare("INSERT INTO appointments VALUES(?,?,?,?,'booked',?)")
        .bind(1, id)
        .bind(2, *citizen)
        .bind(3, service_id)
        .bind(4, slot_id)
        .bind(5, to_ms(Clock::now()))
        .run();
    tx.commit();
    auto st = ctx.db->prepare(std::string(select_appointment) + "WHERE id = ?");
    st.bind(1, id);
    st.step();
    res.set_header("Location", "/v1/appointments/" + id);
    send_json(res, 201, appointment_json(st));
}

// Loads one of the citizen's appointments; sends 404 when it is not theirs.
bool load(ServerContext& ctx, const httplib::Request& req, httplib::Response& res,
          const std::string& citizen, std::string& status) {
    auto st = ctx.db->prepare("SELECT status FROM appointments WHERE id = ? AND citizen_id = ?");
    st.bind(1, std::string(req.matches[1])).bind(2, citizen);
    if (!st.step()) {
        send_problem(res, req, 404, "appointment-not-found", "No such appointment",
                     "You have no appointment with this id.");
        return false;
    }
    status = st.text(0);
    return true;
}

void send_one(ServerContext& ctx, httplib::Response& res, const std::string& id, int status) {
    auto st = ctx.db->prepare(std::string(select_appointment) + "WHERE id = ?");
    st.bind(1, id);
    st.step();
    send_json(res, status, appointment_json(st));
}

void get_one(ServerContext& ctx, const httplib::Request& req, httplib::Response& res) {
    auto citizen = authenticate(ctx, req, res);
    std::string status;
    if (!citizen) {
        return;
    }
    auto lock = ctx.db->lock();
    if (load(ctx, req, res, *citizen, status)) {
        send_one(ctx, res, req.matches[1], 200);
    }
}

void move(ServerContext& ctx, const httplib::Request& req, httplib::Response& res) {
    auto citizen = authenticate(ctx, req, res);
    if (!citizen) {
        return;
    }
    auto body = json_body(req, res);
    if (!body) {
        return;
    }
    std::string slot_id(str_or(*body, "slot_id", ""));
    if (!bookable(req, res, slot_id)) {
        return;
    }
    auto lock = ctx.db->lock();
    Transaction tx(*ctx.db);
    std::string status;
    if (!load(ctx, req, res, *citizen, status)) {
        return;
    }
    if (status != "booked") {
        send_problem(res, req, 409, "appointment-cancelled", "Appointment cancelled",
                     "A cancelled appointment cannot be moved; book a new one.");
        return;
    }
    if (slot_taken(*ctx.db, slot_id)) {
        send_taken(req, res);
        return;
    }
    ctx.db->prepare("UPDATE appointments SET slot_id = ? WHERE id = ?")
        .bind(1, slot_id)
        .bind(2, std::string(req.matches[1]))
        .run();
    tx.commit();
    send_one(ctx, res, req.matches[1], 200);
}

void cancel(ServerContext& ctx, const httplib::Request& req, httplib::Response& res) {
    auto citizen = authenticate(ctx, req, res);
    if (!citizen) {
        return;
    }
    auto lock = ctx.db->lock();
    std::string status;
    if (!load(ctx, req, res, *citizen, status)) {
        return;
    }
    ctx.db->prepare("UPDATE appointments SET status = 'cancelled' WHERE id = ?")
        .bind(1, std::string(req.matches[1]))
        .run();
    res.status = 204;
}

void list_mine(ServerContext& ctx, const httplib::Request& req, httplib::Response& res) {
    auto citizen = authenticate(ctx, req, res);
    if (!citizen) {
        return;
    }
    auto lock = ctx.db->lock();
    auto st = ctx.db->prepare(std::string(select_appointment) +
                              "WHERE citizen_id = ? ORDER BY created_ms DESC, id");
    st.bind(1, *citizen);
    json::array list;
    while (st.step()) {
        list.push_back(appointment_json(st));
    }
    send_json(res, 200, {{"appointments", std::move(list)}});
}

} // namespace

void add_appointment_routes(Router& r, ServerContext& ctx) {
    r.get("/v1/halls", [](auto& req, auto& res) { list_halls(req, res); });
    r.get(R"(/v1/halls/(H[0-9]{2}))", [](const httplib::Request& req, httplib::Response& res) {
        const Hall* h = find_hall(req.matches[1]);
        if (!h) {
            send_problem(res, req, 404, "hall-not-found", "No such hall", "Unknown hall id.");
            return;
        }
        send_json(res, 200, hall_json(*h));
    });
    r.get(R"(/v1/halls/([A-Za-z0-9]+)/slots)",
          [&ctx](auto& req, auto& res) { free_slots(ctx, req, res); });
    r.post("/v1/appointments", [&ctx](auto& req, auto& res) { book(ctx, req, res); });
    r.get("/v1/appointments", [&ctx](auto& req, auto& res) { list_mine(ctx, req, res); });
    r.get(R"(/v1/appointments/([A-Za-z0-9]+))",
          [&ctx](auto& req, auto& res) { get_one(ctx, req, res); });
    r.patch(R"(/v1/appointments/([A-Za-z0-9]+))",
            [&ctx](auto& req, auto& res) { move(ctx, req, res); });
    r.del(R"(/v1/appointments/([A-Za-z0-9]+))",
          [&ctx](auto& req, auto& res) { cancel(ctx, req, res); });
}

} // namespace cd::server
