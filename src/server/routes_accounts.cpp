// Adding and removing the citizen's utility and fee accounts. A new account comes with the
// current month's bill, due on the 20th of next month, so the client has something to pay. A
// removed account is remembered in account_removals: its due bills leave the due list, its paid
// bills and payments stay (a history is never rewritten), and adding the same number again
// brings it back.
#include "server/server_context.h"

#include <cstdio>

namespace cd::server {
namespace {

struct Provider {
    const char* kind;
    const char* zh;
    const char* en;
    std::int64_t base_fen; // the new account's first bill: base plus a little per number
};

constexpr Provider providers[] = {
    {"water", "海川水务集团", "Haichuan Water Group", 3200},
    {"power", "国网海川供电公司", "State Grid Haichuan Power Supply", 11000},
    {"gas", "海川燃气集团", "Haichuan Gas Group", 4500},
    {"telecom", "中国电信海川分公司", "China Telecom Haichuan", 12900},
    {"property", "翠苑物业服务有限公司", "Cuiyuan Property Services", 22250},
    {"traffic_fine", "海川市公安局交通警察支队", "Haichuan Traffic Police", 20000},
    {"social_insurance", "海川市社会保险事业管理中心", "Haichuan Social Insurance Centre", 124600},
};

const Provider* provider_of(std::string_view kind) {
    for (const auto& p : providers) {
        if (kind == p.kind) {
            return &p;
        }
    }
    return nullptr;
}

// 4-32 bytes of ASCII letters, digits, '-', or non-ASCII text (a plate's province character,
// the middle dot); no spaces, no other punctuation; at least one digit.
bool valid_number(std::string_view n) {
    if (n.size() < 4 || n.size() > 32) {
        return false;
    }
    bool digit = false;
    for (unsigned char c : n) {
        if (c >= 0x80) {
            continue;
        }
        if (std::isdigit(c)) {
            digit = true;
        } else if (!std::isalpha(c) && c != '-') {
            return false;
        }
    }
    return digit;
}

std::string period_text(int y, unsigned m) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u", y, m);
    return buf;
}

json::object account_json(const std::string& id, const Provider& p, const std::string& number,
                          const std::string& label_zh, const std::string& label_en) {
    return {{"id", id},
            {"kind", p.kind},
            {"provider", {{"zh", p.zh}, {"en", p.en}}},
            {"number", number},
            {"label", {{"zh", label_zh}, {"en", label_en}}}};
}

void add_account(ServerContext& ctx, const httplib::Request& req, httplib::Response& res) {
    auto citizen = authenticate(ctx, req, res);
    if (!citizen) {
        return;
    }
    auto body = json_body(req, res);
    if (!body) {
        return;
    }
    const std::string kind(str_or(*body, "kind", ""));
    const std::string number(str_or(*body, "number", ""));
    const std::string label(str_or(*body, "label", ""));
    const Provider* provider = provider_of(kind);
    json::array errors;
    if (!provider) {
        errors.push_back({{"field", "kind"},
                          {"message", "kind must be water, power, gas, telecom, property, "
                                      "traffic_fine or social_insurance."}});
    }
    if (!valid_number(number)) {
        errors.push_back(
            {{"field", "number"},
             {"message", "number must be 4-32 letters, digits or '-', with a digit."}});
    }
    if (label.size() > 64) {
        errors.push_back({{"field", "label"}, {"message", "label is at most 64 bytes."}});
    }
    if (!errors.empty()) {
        send_problem(res, req, 422, "validation-failed", "Invalid account",
                     "The account's kind or number is not valid.", {{"errors", std::move(errors)}});
        return;
    }
    auto lock = ctx.db->lock();
    Transaction tx(*ctx.db);
    auto existing = ctx.db->prepare(
        "SELECT a.id, a.label_zh, a.label_en, r.account_id IS NOT NULL FROM accounts a "
        "LEFT JOIN account_removals r ON r.account_id = a.id "
        "WHERE a.citizen_id = ? AND a.kind = ? AND a.number = ?");
    existing.bind(1, *citizen).bind(2, kind).bind(3, number);
    if (existing.step()) {
        const std::string id = existing.text(0);
        if (existing.integer(3) == 0) {
            send_problem(res, req, 409, "account-exists", "Account already added",
                         "You have added this account already.", {{"account_id", id}});
            return;
        }
        ctx.db->prepare("DELETE FROM account_removals WHERE account_id = ?").bind(1, id).run();
        res.set_header("Location", "/v1/accounts/" + id);
        send_json(res, 201,
                  account_json(id, *provider, number, existing.text(1), existing.text(2)));
        tx.commit();
        return;
    }
    const std::string id = *citizen + "-" + random_hex(4);
    const std::string label_zh = label.empty() ? std::string("新增账户") : label;
    const std::string label_en = label.empty() ? std::string("Added account") : label;
    ctx.db->prepare("INSERT INTO accounts VALUES(?,?,?,?,?,?,?,?)")
        .bind(1, id)
        .bind(2, *citizen)
        .bind(3, kind)
        .bind(4, provider->zh)
        .bind(5, provider->en)
        .bind(6, number)
        .bind(7, label_zh)
        .bind(8, label_en)
        .run();
    int y;
    unsigned m, d;
    civil_from_days(to_ms(Clock::now()) / 86400000LL, y, m, d);
    const std::string period = period_text(y, m);
    const std::string due = (m == 12 ? period_text(y + 1, 1) : period_text(y, m + 1)) + "-20";
    std::int64_t spread = 0;
    for (unsigned char c : number) {
        spread = (spread * 31 + c) % 997;
    }
    const bool fixed = kind == "telecom" || kind == "property" || kind == "traffic_fine" ||
                       kind == "social_insurance";
    ctx.db->prepare("INSERT INTO bills VALUES(?,?,?,?,?,?,?,NULL)")
        .bind(1, "B-" + id + "-" + period)
        .bind(2, id)
        .bind(3, *citizen)
        .bind(4, period)
        .bind(5, provider->base_fen + (fixed ? 0 : spread * 10))
        .bind(6, due)
        .bind(7, "due")
        .run();
    res.set_header("Location", "/v1/accounts/" + id);
    send_json(res, 201, account_json(id, *provider, number, label_zh, label_en));
    tx.commit();
}

void remove_account(ServerContext& ctx, const httplib::Request& req, httplib::Response& res) {
    auto citizen = authenticate(ctx, req, res);
    if (!citizen) {
        return;
    }
    const std::string id(req.matches[1]);
    auto lock = ctx.db->lock();
    auto st = ctx.db->prepare("SELECT 1 FROM accounts WHERE id = ? AND citizen_id = ? AND id NOT "
                              "IN (SELECT account_id FROM account_removals)");
    st.bind(1, id).bind(2, *citizen);
    if (!st.step()) {
        send_problem(res, req, 404, "account-not-found", "No such account",
                     "You have no account with this id.");
        return;
    }
    ctx.db->prepare("INSERT INTO account_removals VALUES(?)").bind(1, id).run();
    res.status = 204;
}

} // namespace

void add_account_routes(Router& r, ServerContext& ctx) {
    r.post("/v1/accounts", [&ctx](auto& req, auto& res) { add_account(ctx, req, res); });
    r.del(R"(/v1/accounts/([A-Za-z0-9-]+))",
          [&ctx](auto& req, auto& res) { remove_account(ctx, req, res); });
}

} // namespace cd::server
