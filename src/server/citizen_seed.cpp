// The schema and the first-run seed: the demo citizens, their utility accounts, a year of
// bills (older ones paid, the latest due) and the public My Voice feed.
#include "server/http_io.h"
#include "server/seed_rng.h"
#include "server/server_context.h"

#include <cstdio>

namespace cd::server {
namespace {

constexpr const char* schema = R"sql(
CREATE TABLE IF NOT EXISTS citizens(
  id TEXT PRIMARY KEY, phone TEXT UNIQUE NOT NULL, password TEXT NOT NULL,
  name_zh TEXT NOT NULL, name_en TEXT NOT NULL, resident_id_masked TEXT NOT NULL,
  district TEXT NOT NULL, balance_fen INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS accounts(
  id TEXT PRIMARY KEY, citizen_id TEXT NOT NULL REFERENCES citizens(id), kind TEXT NOT NULL,
  provider_zh TEXT NOT NULL, provider_en TEXT NOT NULL, number TEXT NOT NULL,
  label_zh TEXT NOT NULL, label_en TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS bills(
  id TEXT PRIMARY KEY, account_id TEXT NOT NULL REFERENCES accounts(id),
  citizen_id TEXT NOT NULL, period TEXT NOT NULL, amount_fen INTEGER NOT NULL,
  due_date TEXT NOT NULL, status TEXT NOT NULL, payment_id TEXT);
CREATE TABLE IF NOT EXISTS account_removals(account_id TEXT PRIMARY KEY);
CREATE TABLE IF NOT EXISTS payments(
  id TEXT PRIMARY KEY, citizen_id TEXT NOT NULL, bill_id TEXT NOT NULL UNIQUE,
  amount_fen INTEGER NOT NULL, created_ms INTEGER NOT NULL, receipt_no TEXT NOT NULL,
  method TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS idempotency(
  citizen_id TEXT NOT NULL, key TEXT NOT NULL, body TEXT NOT NULL, status INTEGER NOT NULL,
  response TEXT NOT NULL, content_type TEXT NOT NULL, PRIMARY KEY(citizen_id, key));
CREATE TABLE IF NOT EXISTS sessions(
  access_digest TEXT PRIMARY KEY, refresh_digest TEXT UNIQUE NOT NULL, citizen_id TEXT NOT NULL,
  access_expires_ms INTEGER NOT NULL, refresh_expires_ms INTEGER NOT NULL,
  revoked INTEGER NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS applications(
  id TEXT PRIMARY KEY, citizen_id TEXT NOT NULL, service_id TEXT NOT NULL,
  form TEXT NOT NULL, attachments TEXT NOT NULL, submitted_ms INTEGER NOT NULL,
  approved INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS appointments(
  id TEXT PRIMARY KEY, citizen_id TEXT NOT NULL, service_id TEXT NOT NULL,
  slot_id TEXT NOT NULL, status TEXT NOT NULL, created_ms INTEGER NOT NULL);
CREATE UNIQUE INDEX IF NOT EXISTS appointments_one_per_slot ON appointments(slot_id)
  WHERE status = 'booked';
CREATE TABLE IF NOT EXISTS reports(
  id INTEGER PRIMARY KEY, token TEXT UNIQUE NOT NULL, service_code TEXT NOT NULL,
  description TEXT NOT NULL, lat REAL, lon REAL, address TEXT, media_url TEXT,
  email TEXT, first_name TEXT, last_name TEXT, phone TEXT, attributes TEXT NOT NULL,
  requested_ms INTEGER NOT NULL, outcome INTEGER NOT NULL);
)sql";

struct AccountSeed {
    const char* id;
    const char* kind;
    const char* provider_zh;
    const char* provider_en;
    const char* number;
    const char* label_zh;
    const char* label_en;
};

std::string period_of(std::int64_t month_index) { // months since 0000-01
    char buf[48];
    std::snprintf(buf, sizeof buf, "%04lld-%02lld", static_cast<long long>(month_index / 12),
                  static_cast<long long>(month_index % 12 + 1));
    return buf;
}

// "R" and nine digits. (Built with append: GCC 12 warns falsely on "R" + std::to_string.)
std::string receipt_number(SeedRng& rng) {
    std::string r = "R";
    r += std::to_string(100000000 + rng.below(899999999));
    return r;
}

void add_citizen(Database& db, const char* id, const char* phone, const char* zh, const char* en,
                 const char* rid, const char* district, std::int64_t balance, std::uint64_t seed) {
    db.prepare("INSERT INTO citizens VALUES(?,?,?,?,?,?,?,?)")
        .bind(1, id)
        .bind(2, phone)
        .bind(3, password_hash(demo_password, std::string(id) + std::to_string(seed)))
        .bind(4, zh)
        .bind(5, en)
        .bind(6, rid)
        .bind(7, district)
        .bind(8, balance)
        .run();
}

void add_bills(Database& db, const std::string& citizen, std::uint64_t seed) {
    static const AccountSeed accounts[] = {
        {"water", "water", "海川水务集团", "Haichuan Water Group", "3301028841", "翠苑三区12幢",
         "Cuiyuan Block 12"},
        {"power", "power", "国网海川供电公司", "State Grid Haichuan Power Supply", "7100493321",
         "翠苑三区12幢", "Cuiyuan Block 12"},
        {"gas", "gas", "海川燃气集团", "Haichuan Gas Group", "GA20881934", "翠苑三区12幢",
         "Cuiyuan Block 12"},
        {"telecom", "telecom", "中国电信海川分公司", "China Telecom Haichuan", "0571-88230017",
         "家庭宽带", "Home broadband"},
        {"property", "property", "翠苑物业服务有限公司", "Cuiyuan Property Services", "CY-12-1-802",
         "12幢802室", "Flat 802, Block 12"},
        {"traffic", "traffic_fine", "海川市公安局交通警察支队", "Haichuan Traffic Police",
         "浙A·D5K21", "小型汽车", "Car"},
        {"social", "social_insurance", "海川市社会保险事业管理中心",
         "Haichuan Social Insurance Centre", "SI330106", "灵活就业参保", "Flexible employment"},
    };
    SeedRng rng(seed, "bills" + citizen);
    auto now = Clock::now();
    int y;
    unsigned m, d;
    civil_from_days(to_ms(now) / 86400000LL, y, m, d);
    const std::int64_t this_month = static_cast<std::int64_t>(y) * 12 + (m - 1);
    for (const auto& a : accounts) {
        std::string account_id = citizen + "-" + a.id;
        db.prepare("INSERT INTO accounts VALUES(?,?,?,?,?,?,?,?)")
            .bind(1, account_id)
            .bind(2, citizen)
            .bind(3, a.kind)
            .bind(4, a.provider_zh)
            .bind(5, a.provider_en)
            .bind(6, a.number)
            .bind(7, a.label_zh)
            .bind(8, a.label_en)
            .run();
        std::string kind = a.kind;
        for (int back = 11; back >= 0; --back) {
            std::int64_t month = this_month - back;
            int calendar_month = static_cast<int>(month % 12) + 1;
            bool winter = calendar_month <= 2 || calendar_month == 12;
            bool summer = calendar_month >= 6 && calendar_month <= 9;
            std::int64_t amount = 0;
            if (kind == "water")
                amount = rng.range(2800, 6200);
            else if (kind == "power")
                amount = summer ? rng.range(24000, 42000) : rng.range(9000, 16000);
            else if (kind == "gas")
                amount = winter ? rng.range(9000, 15000) : rng.range(3500, 6500);
            else if (kind == "telecom")
                amount = 12900;
            else if (kind == "property")
                amount = 22250;
            else if (kind == "social_insurance")
                amount = 124600;
            else if (kind == "traffic_fine") {
                if (back != 3 && back != 0)
                    continue;
                amount = back == 3 ? 20000 : 10000;
            }
            std::string period = period_of(month);
            std::string id = "B-" + account_id + "-" + period;
            std::string due = period_of(month + 1) + "-20";
            bool paid = back > 0;
            std::string payment_id;
            if (paid) {
                payment_id = "PAY-" + account_id + "-" + period;
                std::int64_t paid_ms = (days_from_civil(static_cast<int>((month + 1) / 12),
                                                        static_cast<unsigned>((month + 1) % 12 + 1),
                                                        static_cast<unsigned>(rng.range(3, 18)))) *
                                           86400000LL +
                                       9 * 3600000LL;
                db.prepare("INSERT INTO payments VALUES(?,?,?,?,?,?,?)")
                    .bind(1, payment_id)
                    .bind(2, citizen)
                    .bind(3, id)
                    .bind(4, amount)
                    .bind(5, paid_ms)
                    .bind(6, receipt_number(rng))
                    .bind(7, "wallet")
                    .run();
            }
            auto st = db.prepare("INSERT INTO bills VALUES(?,?,?,?,?,?,?,?)");
            st.bind(1, id)
                .bind(2, account_id)
                .bind(3, citizen)
                .bind(4, period)
                .bind(5, amount)
                .bind(6, due)
                .bind(7, paid ? "paid" : "due");
            if (paid) {
                st.bind(8, payment_id);
            } else {
                st.bind_null(8);
            }
            st.run();
        }
    }
    // The housing maintenance fund top-up: more than the wallet holds (insufficient funds).
    db.prepare("INSERT INTO bills VALUES(?,?,?,?,?,?,?,NULL)")
        .bind(1, "B-" + citizen + "-property-fund")
        .bind(2, citizen + "-property")
        .bind(3, citizen)
        .bind(4, period_of(this_month))
        .bind(5, std::int64_t{864000})
        .bind(6, period_of(this_month + 2) + "-28")
        .bind(7, "due")
        .run();
}

} // namespace

bool seed_database(Database& db, std::uint64_t seed) {
    auto lock = db.lock();
    if (db.meta("session_tokens") != "sha256") {
        // Older databases kept the tokens themselves: those sessions end, and their pages are
        // overwritten rather than left in the file's free space.
        db.exec("PRAGMA secure_delete=ON; DROP TABLE IF EXISTS sessions; PRAGMA "
                "secure_delete=OFF");
    }
    db.exec(schema);
    db.set_meta("session_tokens", "sha256");
    if (db.meta("seed")) {
        return false;
    }
    Transaction tx(db);
    add_citizen(db, "P0001", demo_phone, "张明", "Zhang Ming", "330106********2315", "D03", 500000,
                seed);
    add_citizen(db, "P0002", second_demo_phone, "李华", "Li Hua", "330105********4028", "D04",
                50000, seed);
    add_bills(db, "P0001", seed);
    add_bills(db, "P0002", seed);
    seed_reports(db, seed);
    db.set_meta("seed", std::to_string(seed));
    db.set_meta("seeded_at", iso8601(Clock::now()));
    tx.commit();
    return true;
}

} // namespace cd::server
