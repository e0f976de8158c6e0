// Accounts, bills, payments with Idempotency-Key (same key + same body -> the first result;
// same key + other body -> 422), receipts. A payment is one transaction: bill, wallet and
// ledger change together or not at all.
#include "server/idempotency.h"
#include "server/server_context.h"

namespace cd::server {
namespace {

json::object bill_json(Statement& st) {
    // columns: id, account_id, kind, provider_zh, provider_en, number, period, amount, due, status,
    // payment_id
    json::object b{{"id", st.text(0)},
                   {"account_id", st.text(1)},
                   {"kind", st.text(2)},
                   {"provider", {{"zh", st.text(3)}, {"en", st.text(4)}}},
                   {"account_number", st.text(5)},
                   {"period", st.text(6)},
                   {"amount_fen", st.integer(7)},
                   {"due_date", st.text(8)},
                   {"status", st.text(9)}};
    b["payment_id"] = st.is_null(10) ? json::value(nullptr) : json::value(st.text(10));
    return b;
}

constexpr const char* bill_select =
    "SELECT b.id, b.account_id, a.kind, a.provider_zh, a.provider_en, a.number, b.period, "
    "b.amount_fen, b.due_date, b.status, b.payment_id FROM bills b JOIN accounts a ON "
    "a.id = b.account_id ";

json::object payment_json(Statement& st) {
    // columns: id, bill_id, amount, created_ms, receipt_no, method
    return {{"id", st.text(0)},
            {"bill_id", st.text(1)},
            {"amount_fen", st.integer(2)},
            {"status", "succeeded"},
            {"created_at", iso8601_ms(st.integer(3))},
            {"receipt_no", st.text(4)},
            {"method", st.text(5)}};
}

constexpr const char* payment_select =
    "SELECT id, bill_id, amount_fen, created_ms, receipt_no, method FROM payments ";

void list_accounts(ServerContext& ctx, const httplib::Request& req, httplib::Response& res) {
    auto citizen = authenticate(ctx, req, res);
    if (!citizen) {
        return;
    }
    auto lock = ctx.db->lock();
    auto st = ctx.db->prepare("SELECT id, kind, provider_zh, provider_en, number, label_zh, "
                              "label_en FROM accounts WHERE citizen_id = ? AND id NOT IN "
                              "(SELECT account_id FROM account_removals) ORDER BY id");
    st.bind(1, *citizen);
    json::array list;
    while (st.step()) {
        list.push_back({{"id", st.text(0)},
                        {"kind", st.text(1)},
                        {"provider", {{"zh", st.text(2)}, {"en", st.text(3)}}},
                        {"number", st.text(4)},
                        {"label", {{"zh", st.text(5)}, {"en", st.text(6)}}}});
    }
    send_json(res, 200, {{"accounts", std::move(list)}});
}

void list_bills(ServerContext& ctx, const httplib::Request& req, httplib::Response& res) {
    auto citizen = authenticate(ctx, req, res);
    if (!citizen) {
        return;
    }
    std::string status = req.has_param("status") ? req.get_param_value("status") : "due";
    if (status != "due" && status != "paid" && status != "all") {
        send_problem(res, req, 400, "invalid-parameter", "Invalid status",
                     "status must be due, paid or all.");
        return;
    }
    auto lock = ctx.db->lock();
    auto st =
        ctx.db->prepare(std::string(bill_select) +
                        "WHERE b.citizen_id = ? AND (? = 'all' OR b.status = ?) AND (b.status = "
                        "'paid' OR b.account_id NOT IN (SELECT account_id FROM "
                        "account_removals)) "
                        "ORDER BY b.due_date DESC, b.id");
    st.bind(1, *citizen).bind(2, status).bind(3, status);
    json::array list;
    std::int64_t total_due = 0;
    while (st.step()) {
        auto b = bill_json(st);
        if (b["status"] == "due") {
            total_due += b["amount_fen"].as_int64();
        }
        list.push_back(std::move(b));
    }
    send_json(res, 200, {{"bills", std::move(list)}, {"total_due_fen", total_due}});
}

void get_bill(ServerContext& ctx, const httplib::Request& req, httplib::Response& res) {
    auto citizen = authenticate(ctx, req, res);
    if (!citizen) {
        return;
    }
    auto lock = ctx.db->lock();
    auto st = ctx.db->prepare(std::string(bill_select) + "WHERE b.id = ? AND b.citizen_id = ?");
    st.bind(1, std::string(req.matches[1])).bind(2, *citizen);
    if (!st.step()) {
        send_problem(res, req, 404, "bill-not-found", "No such bill",
                     "You have no bill with this id.");
        return;
    }
    send_json(res, 200, bill_json(st));
}

void pay(ServerContext& ctx, const httplib::Request& req, httplib::Response& res) {
    auto citizen = authenticate(ctx, req, res);
    if (!citizen) {
        return;
    }
    std::string key = req.get_header_value("Idempotency-Key");
    if (key.empty() || key.size() > 255) {
        send_problem(res, req, 400, "idempotency-key-missing", "Idempotency-Key required",
                     "POST /v1/payments needs an Idempotency-Key header (1-255 characters).");
        return;
    }
    auto body = json_body(req, res);
    if (!body) {
        return;
    }
    const std::string canonical = json::serialize(*body);
    auto lock = ctx.db->lock();
    Transaction tx(*ctx.db);
    if (answer_from_idempotency(ctx, req, res, *citizen, key, canonical)) {
        return;
    }
    const auto* bill_v = body->if_contains("bill_id");
    const auto* amount_v = body->if_contains("amount_fen");
    if (!bill_v || !bill_v->is_string() || !amount_v || !amount_v->is_int64()) {
        send_problem(res, req, 422, "validation-failed", "Invalid payment",
                     "Send bill_id (string) and amount_fen (integer).");
        return;
    }
    std::string bill_id(bill_v->as_string());
    std::int64_t amount = amount_v->as_int64();
    auto bill = ctx.db->prepare(
        "SELECT amount_fen, status, payment_id FROM bills WHERE id = ? AND citizen_id = ?");
    bill.bind(1, bill_id).bind(2, *citizen);
    if (!bill.step()) {
        send_problem(res, req, 404, "bill-not-found", "No such bill",
                     "You have no bill with this id.");
        return;
    }
    if (bill.text(1) == "paid") {
        send_problem(res, req, 409, "bill-already-paid", "Bill already paid",
                     "This bill has been paid already; nothing was charged.",
                     {{"payment_id", bill.text(2)}});
        remember_idempotent(ctx, *citizen, key, canonical, res);
        tx.commit();
        return;
    }
    if (amount != bill.integer(0)) {
        send_problem(res, req, 422, "amount-mismatch", "Amount does not match the bill",
                     "amount_fen must equal the bill's amount.",
                     {{"expected_amount_fen", bill.integer(0)}});
        return;
    }
    auto wallet = ctx.db->prepare("SELECT balance_fen FROM citizens WHERE id = ?");
    wallet.bind(1, *citizen);
    wallet.step();
    if (wallet.integer(0) < amount) {
        send_problem(res, req, 402, "insufficient-funds", "Insufficient funds",
                     "The wallet balance does not cover this bill; nothing was charged.",
                     {{"balance_fen", wallet.integer(0)}, {"amount_fen", amount}});
        remember_idempotent(ctx, *citizen, key, canonical, res);
        tx.commit();
        return;
    }
    std::string id = "PAY-" + random_hex(8);
    std::string receipt = "R" + std::to_string(to_ms(Clock::now()) % 1000000000) + random_hex(2);
    auto now = to_ms(Clock::now());
    ctx.db->prepare("INSERT INTO payments VALUES(?,?,?,?,?,?,?)")
        .bind(1, id)
        .bind(2, *citizen)
        .bind(3, bill_id)
        .bind(4, amount)
        .bind(5, now)
        .bind(6, receipt)
        .bind(7, "wallet")
        .run();
    ctx.db->prepare("UPDATE bills SET status = 'paid', payment_id = ? WHERE id = ?")
        .bind(1, id)
        .bind(2, bill_id)
        .run();
    ctx.db->prepare("UPDATE citizens SET balance_fen = balance_fen - ? WHERE id = ?")
        .bind(1, amount)
        .bind(2, *citizen)
        .run();
    auto st = ctx.db->prepare(std::string(payment_select) + "WHERE id = ?");
    st.bind(1, id);
    st.step();
    res.set_header("Location", "/v1/payments/" + id);
    send_json(res, 201, payment_json(st));
    remember_idempotent(ctx, *citizen, key, canonical, res);
    tx.commit();
}

void list_payments(ServerContext& ctx, const httplib::Request& req, httplib::Response& res) {
    auto citizen = authenticate(ctx, req, res);
    if (!citizen) {
        return;
    }
    auto lock = ctx.db->lock();
    auto st = ctx.db->prepare(std::string(payment_select) +
                              "WHERE citizen_id = ? ORDER BY created_ms DESC, id");
    st.bind(1, *citizen);
    json::array list;
    while (st.step()) {
        list.push_back(payment_json(st));
    }
    send_json(res, 200, {{"payments", std::move(list)}});
}

void get_payment(ServerContext& ctx, const httplib::Request& req, httplib::Response& res,
                 bool receipt) {
    auto citizen = authenticate(ctx, req, res);
    if (!citizen) {
        return;
    }
    auto lock = ctx.db->lock();
    auto st = ctx.db->prepare(std::string(payment_select) + "WHERE id = ? AND citizen_id = ?");
    st.bind(1, std::string(req.matches[1])).bind(2, *citizen);
    if (!st.step()) {
        send_problem(res, req, 404, "payment-not-found", "No such payment",
                     "You have no payment with this id.");
        return;
    }
    auto p = payment_json(st);
    if (!receipt) {
        send_json(res, 200, p);
        return;
    }
    auto b = ctx.db->prepare(std::string(bill_select) + "WHERE b.id = ?");
    b.bind(1, std::string(p["bill_id"].as_string()));
    b.step();
    auto bill = bill_json(b);
    auto who = ctx.db->prepare("SELECT name_zh FROM citizens WHERE id = ?");
    who.bind(1, *citizen);
    who.step();
    std::string name = who.text(0);
    std::string masked = name.size() > 3 ? "*" + name.substr(3) : name; // first character hidden
    send_json(
        res, 200,
        {{"receipt_no", p["receipt_no"]},
         {"payment_id", p["id"]},
         {"issued_at", p["created_at"]},
         {"payer", masked},
         {"payee", bill["provider"]},
         {"account_number", bill["account_number"]},
         {"items", json::array{{{"description",
                                 {{"zh", std::string(bill["period"].as_string()) + " 账单"},
                                  {"en", "Bill for " + std::string(bill["period"].as_string())}}},
                                {"bill_id", bill["id"]},
                                {"amount_fen", p["amount_fen"]}}}},
         {"total_fen", p["amount_fen"]},
         {"method", p["method"]}});
}

} // namespace

void add_payment_routes(Router& r, ServerContext& ctx) {
    r.get("/v1/accounts", [&ctx](auto& req, auto& res) { list_accounts(ctx, req, res); });
    r.get("/v1/bills", [&ctx](auto& req, auto& res) { list_bills(ctx, req, res); });
    r.get(R"(/v1/bills/([A-Za-z0-9-]+))",
          [&ctx](auto& req, auto& res) { get_bill(ctx, req, res); });
    r.post("/v1/payments", [&ctx](auto& req, auto& res) { pay(ctx, req, res); });
    r.get("/v1/payments", [&ctx](auto& req, auto& res) { list_payments(ctx, req, res); });
    r.get(R"(/v1/payments/([A-Za-z0-9-]+))",
          [&ctx](auto& req, auto& res) { get_payment(ctx, req, res, false); });
    r.get(R"(/v1/payments/([A-Za-z0-9-]+)/receipt)",
          [&ctx](auto& req, auto& res) { get_payment(ctx, req, res, true); });
}

} // namespace cd::server
