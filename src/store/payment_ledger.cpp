#include "store/payment_ledger.h"

#include "store/utc_time.h"
#include "store/vault.h"

#include <string>

namespace cd::store {
namespace {

constexpr const char* entry_columns =
    "id, bill_id, payee, category, account, amount_fen, created_utc, idempotency_key, "
    "receipt_number, status, resolved_utc, owner";

PaymentEntry read_entry(const Statement& s) {
    PaymentEntry e;
    e.id = s.column_int64(0);
    e.bill_id = s.column_text(1);
    e.payee = s.column_text(2);
    e.category = s.column_text(3);
    e.account = s.column_text(4);
    e.amount = Money::from_fen(s.column_int64(5));
    e.created_utc = s.column_text(6);
    e.idempotency_key = s.column_text(7);
    e.receipt_number = s.column_optional_text(8);
    e.status = parse_payment_status(s.column_text(9)).value_or(PaymentStatus::unknown);
    e.resolved_utc = s.column_optional_text(10);
    e.owner = s.column_text(11);
    return e;
}

// LIKE with our own escape character, so % and _ typed by the citizen match themselves.
std::string like_pattern(std::string_view text) {
    std::string out = "%";
    for (char c : text) {
        if (c == '%' || c == '_' || c == '\\') {
            out += '\\';
        }
        out += c;
    }
    return out + "%";
}

// The WHERE clause for a filter; values are bound in the same order by bind_filter.
std::string where_clause(const LedgerFilter& f) {
    std::string w = " WHERE 1";
    if (f.from) {
        w += " AND created_utc >= ?";
    }
    if (f.until) {
        w += " AND created_utc < ?";
    }
    if (f.category) {
        w += " AND category = ?";
    }
    if (!f.payee_contains.empty()) {
        w += " AND payee LIKE ? ESCAPE '\\'";
    }
    if (f.status) {
        w += " AND status = ?";
    }
    return w;
}

int bind_filter(Statement& s, const LedgerFilter& f, int index = 1) {
    if (f.from) {
        s.bind(index++, to_utc_iso8601(*f.from));
    }
    if (f.until) {
        s.bind(index++, to_utc_iso8601(*f.until));
    }
    if (f.category) {
        s.bind(index++, *f.category);
    }
    if (!f.payee_contains.empty()) {
        s.bind(index++, like_pattern(f.payee_contains));
    }
    if (f.status) {
        s.bind(index++, to_string(*f.status));
    }
    return index;
}

Result<std::vector<PeriodTotal>> read_totals(Statement& s) {
    std::vector<PeriodTotal> out;
    if (auto r = s.for_each_row([&](const Statement& row) {
            out.push_back(
                {row.column_text(0), Money::from_fen(row.column_int64(1)), row.column_int64(2)});
        });
        !r) {
        return r.error();
    }
    return out;
}

} // namespace

std::string_view to_string(PaymentStatus status) {
    switch (status) {
    case PaymentStatus::pending:
        return "pending";
    case PaymentStatus::paid:
        return "paid";
    case PaymentStatus::declined:
        return "declined";
    case PaymentStatus::unknown:
        return "unknown";
    }
    return "unknown";
}

std::optional<PaymentStatus> parse_payment_status(std::string_view text) {
    for (auto s : {PaymentStatus::pending, PaymentStatus::paid, PaymentStatus::declined,
                   PaymentStatus::unknown}) {
        if (to_string(s) == text) {
            return s;
        }
    }
    return std::nullopt;
}

Result<Connection*> PaymentLedger::db() {
    return vault_.connection();
}

// record_pending and resolve are one statement each: atomic on their own (SQLite's autocommit
// is a transaction), or part of the caller's transaction when one is open.
Result<std::int64_t> PaymentLedger::record_pending(const NewPayment& p) {
    if (p.amount.fen < 0 || p.amount.fen > max_amount_fen) {
        // The totals add these up: an absurd amount never enters the ledger.
        return make_error(ErrorKind::validation,
                          "payment amount out of range: " + std::to_string(p.amount.fen) + " fen");
    }
    auto db = this->db();
    if (!db) {
        return db.error();
    }
    Connection& c = **db;
    auto insert = c.prepare(
        "INSERT INTO payments (bill_id, payee, category, account, amount_fen, created_utc, "
        "idempotency_key, status, owner) VALUES (?, ?, ?, ?, ?, ?, ?, 'pending', ?)");
    if (!insert) {
        return insert.error();
    }
    insert->bind(1, p.bill_id)
        .bind(2, p.payee)
        .bind(3, p.category)
        .bind(4, p.account)
        .bind(5, p.amount.fen)
        .bind(6, to_utc_iso8601(p.at))
        .bind(7, p.idempotency_key)
        .bind(8, p.owner);
    if (auto r = insert->run(); !r) {
        // The UNIQUE index on the key is the duplicate check: no extra lookup per insert.
        if (c.last_error_code() == sqlite_constraint_unique) {
            Error e = make_error(ErrorKind::conflict, "idempotency key already in the ledger");
            e.user_message = msg(N_("This payment was already started. Check its status in "
                                    "your payment history."));
            return e;
        }
        return r.error();
    }
    return c.last_insert_id();
}

Status PaymentLedger::resolve(std::int64_t id, PaymentStatus outcome,
                              std::optional<std::string> receipt_number,
                              std::chrono::system_clock::time_point at) {
    if (outcome == PaymentStatus::pending) {
        return make_error(ErrorKind::validation, "a payment cannot be resolved as pending");
    }
    auto db = this->db();
    if (!db) {
        return db.error();
    }
    Connection& c = **db;
    auto update = c.prepare("UPDATE payments SET status = ?, receipt_number = ?, "
                            "resolved_utc = ? WHERE id = ? AND status IN ('pending', 'unknown')");
    if (!update) {
        return update.error();
    }
    update->bind(1, to_string(outcome)).bind(2, receipt_number).bind(3, to_utc_iso8601(at));
    update->bind(4, id);
    if (auto r = update->run(); !r) {
        return r;
    }
    if (c.changes() != 1) {
        Error e = make_error(ErrorKind::conflict,
                             "payment " + std::to_string(id) + " is not awaiting an outcome");
        e.user_message = msg(N_("This payment already has its outcome."));
        return e;
    }
    return Done{};
}

Result<std::vector<PaymentEntry>> PaymentLedger::unresolved() {
    auto db = this->db();
    if (!db) {
        return db.error();
    }
    auto s = (*db)->prepare(std::string("SELECT ") + entry_columns +
                            " FROM payments WHERE status IN ('pending', 'unknown') "
                            "ORDER BY created_utc, id");
    if (!s) {
        return s.error();
    }
    std::vector<PaymentEntry> out;
    if (auto r = s->for_each_row([&](const Statement& row) { out.push_back(read_entry(row)); });
        !r) {
        return r.error();
    }
    return out;
}

Result<std::vector<PaymentEntry>> PaymentLedger::unresolved_of(const std::string& owner,
                                                               bool with_unowned) {
    auto db = this->db();
    if (!db) {
        return db.error();
    }
    auto s = (*db)->prepare(std::string("SELECT ") + entry_columns +
                            " FROM payments WHERE status IN ('pending', 'unknown') AND "
                            "(owner = ? OR (? AND owner = '')) ORDER BY created_utc, id");
    if (!s) {
        return s.error();
    }
    s->bind(1, owner).bind(2, static_cast<std::int64_t>(with_unowned ? 1 : 0));
    std::vector<PaymentEntry> out;
    if (auto r = s->for_each_row([&](const Statement& row) { out.push_back(read_entry(row)); });
        !r) {
        return r.error();
    }
    return out;
}

Status PaymentLedger::adopt(std::int64_t id, const std::string& owner) {
    if (owner.empty()) {
        return make_error(ErrorKind::validation, "a payment is adopted by a citizen");
    }
    auto db = this->db();
    if (!db) {
        return db.error();
    }
    Connection& c = **db;
    auto update = c.prepare("UPDATE payments SET owner = ? WHERE id = ? AND owner = '' AND "
                            "status IN ('pending', 'unknown')");
    if (!update) {
        return update.error();
    }
    update->bind(1, owner).bind(2, id);
    if (auto r = update->run(); !r) {
        return r;
    }
    if (c.changes() != 1) {
        return make_error(ErrorKind::conflict,
                          "payment " + std::to_string(id) + " has an owner or an outcome");
    }
    return Done{};
}

Result<std::optional<PaymentEntry>> PaymentLedger::find(std::int64_t id) {
    auto db = this->db();
    if (!db) {
        return db.error();
    }
    auto s = (*db)->prepare(std::string("SELECT ") + entry_columns + " FROM payments WHERE id = ?");
    if (!s) {
        return s.error();
    }
    s->bind(1, id);
    auto row = s->step();
    if (!row) {
        return row.error();
    }
    return *row ? std::optional<PaymentEntry>(read_entry(*s)) : std::nullopt;
}

Result<std::optional<PaymentEntry>> PaymentLedger::latest_for_bill(const std::string& bill_id,
                                                                   const std::string& owner) {
    auto db = this->db();
    if (!db) {
        return db.error();
    }
    auto s = (*db)->prepare(std::string("SELECT ") + entry_columns +
                            " FROM payments WHERE bill_id = ? AND owner = ? "
                            "ORDER BY created_utc DESC, id DESC LIMIT 1");
    if (!s) {
        return s.error();
    }
    s->bind(1, bill_id).bind(2, owner);
    auto row = s->step();
    if (!row) {
        return row.error();
    }
    return *row ? std::optional<PaymentEntry>(read_entry(*s)) : std::nullopt;
}

Result<LedgerPage> PaymentLedger::page(const LedgerFilter& filter,
                                       const std::optional<LedgerCursor>& after, int limit) {
    auto db = this->db();
    if (!db) {
        return db.error();
    }
    limit = limit < 1 ? 1 : limit;
    std::string sql =
        std::string("SELECT ") + entry_columns + " FROM payments" + where_clause(filter);
    if (after) {
        // The leading "created_utc <= ?" lets SQLite 3.15 seek the time index (it scans on the
        // bare OR).
        sql += " AND created_utc <= ? AND (created_utc < ? OR id < ?)";
    }
    sql += " ORDER BY created_utc DESC, id DESC LIMIT ?";
    auto s = (*db)->prepare(sql);
    if (!s) {
        return s.error();
    }
    int index = bind_filter(*s, filter);
    if (after) {
        s->bind(index, after->created_utc);
        s->bind(index + 1, after->created_utc);
        s->bind(index + 2, after->id);
        index += 3;
    }
    // One row more than asked tells whether another page follows.
    s->bind(index, static_cast<std::int64_t>(limit) + 1);
    LedgerPage page;
    if (auto r =
            s->for_each_row([&](const Statement& row) { page.entries.push_back(read_entry(row)); });
        !r) {
        return r.error();
    }
    if (static_cast<int>(page.entries.size()) > limit) {
        page.entries.pop_back();
        page.next = LedgerCursor{page.entries.back().created_utc, page.entries.back().id};
    }
    return page;
}

Result<LedgerIndex> PaymentLedger::index(const LedgerFilter& filter, int stride) {
    auto db = this->db();
    if (!db) {
        return db.error();
    }
    LedgerIndex index;
    index.stride = stride < 1 ? 1 : stride;
    auto s = (*db)->prepare("SELECT created_utc, id FROM payments" + where_clause(filter) +
                            " ORDER BY created_utc DESC, id DESC");
    if (!s) {
        return s.error();
    }
    bind_filter(*s, filter);
    index.starts.emplace_back(); // block 0 starts at the top
    if (auto r = s->for_each_row([&](const Statement& row) {
            ++index.count;
            if (index.count % index.stride == 0) {
                index.starts.emplace_back(LedgerCursor{row.column_text(0), row.column_int64(1)});
            }
        });
        !r) {
        return r.error();
    }
    // A start recorded after the last row opens no block.
    const auto blocks = (index.count + index.stride - 1) / index.stride;
    index.starts.resize(static_cast<std::size_t>(blocks > 0 ? blocks : 1));
    return index;
}

Result<LedgerPage> PaymentLedger::block(const LedgerFilter& filter, const LedgerIndex& index,
                                        std::int64_t block) {
    if (block < 0 || block >= static_cast<std::int64_t>(index.starts.size())) {
        return make_error(ErrorKind::validation, "ledger block out of range");
    }
    return page(filter, index.starts[static_cast<std::size_t>(block)], index.stride);
}

Result<LedgerSummary> PaymentLedger::summary(const LedgerFilter& filter) {
    auto db = this->db();
    if (!db) {
        return db.error();
    }
    auto s = (*db)->prepare("SELECT status, count(*), sum(amount_fen) FROM payments" +
                            where_clause(filter) + " GROUP BY status");
    if (!s) {
        return s.error();
    }
    bind_filter(*s, filter);
    LedgerSummary out;
    if (auto r = s->for_each_row([&](const Statement& row) {
            const auto status = parse_payment_status(row.column_text(0));
            const auto count = row.column_int64(1);
            const auto fen = Money::from_fen(row.column_int64(2));
            out.count += count;
            if (status == PaymentStatus::paid) {
                out.paid_count += count;
                out.paid = out.paid + fen;
            } else if (status == PaymentStatus::declined) {
                out.declined_count += count;
            } else {
                out.unsettled_count += count;
                out.unsettled = out.unsettled + fen;
            }
        });
        !r) {
        return r.error();
    }
    return out;
}

Result<std::vector<PeriodTotal>> PaymentLedger::monthly_totals(const LedgerFilter& filter,
                                                               int utc_offset_minutes) {
    auto db = this->db();
    if (!db) {
        return db.error();
    }
    LedgerFilter paid = filter;
    paid.status = PaymentStatus::paid;
    auto s = (*db)->prepare("SELECT substr(datetime(created_utc, ?), 1, 7) AS month, "
                            "sum(amount_fen), count(*) FROM payments" +
                            where_clause(paid) + " GROUP BY month ORDER BY month");
    if (!s) {
        return s.error();
    }
    s->bind(1, std::to_string(utc_offset_minutes) + " minutes");
    bind_filter(*s, paid, 2);
    return read_totals(*s);
}

Result<std::vector<PeriodTotal>> PaymentLedger::category_totals(const LedgerFilter& filter) {
    auto db = this->db();
    if (!db) {
        return db.error();
    }
    LedgerFilter paid = filter;
    paid.status = PaymentStatus::paid;
    auto s = (*db)->prepare("SELECT category, sum(amount_fen), count(*) FROM payments" +
                            where_clause(paid) +
                            " GROUP BY category ORDER BY sum(amount_fen) "
                            "DESC, category");
    if (!s) {
        return s.error();
    }
    bind_filter(*s, paid);
    return read_totals(*s);
}

} // namespace cd::store
