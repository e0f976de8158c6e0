#include "store/schema.h"

#include "diag/log.h"

#include <iterator>
#include <string>

namespace cd::store {
namespace {

// clang-format off
constexpr MigrationStep steps[] = {
    {1, "profile, payment ledger, catalog cache, outbox, preferences", R"sql(
CREATE TABLE vault_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE profile (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    name TEXT NOT NULL, resident_id TEXT NOT NULL, phone TEXT NOT NULL DEFAULT '',
    address TEXT NOT NULL DEFAULT '', citizen_card TEXT NOT NULL DEFAULT '');
CREATE TABLE family_members (
    id INTEGER PRIMARY KEY, position INTEGER NOT NULL, name TEXT NOT NULL,
    relation TEXT NOT NULL, resident_id TEXT NOT NULL DEFAULT '');
CREATE TABLE payments (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    bill_id TEXT NOT NULL, payee TEXT NOT NULL, category TEXT NOT NULL,
    account TEXT NOT NULL, amount_fen INTEGER NOT NULL, created_utc TEXT NOT NULL,
    idempotency_key TEXT NOT NULL UNIQUE, receipt_number TEXT,
    status TEXT NOT NULL CHECK (status IN ('pending', 'paid', 'declined', 'unknown')),
    resolved_utc TEXT);
CREATE INDEX payments_by_time ON payments (created_utc, id);
CREATE TRIGGER payments_no_delete BEFORE DELETE ON payments
BEGIN SELECT RAISE(ABORT, 'the payment ledger is append-only'); END;
CREATE TRIGGER payments_resolve_once BEFORE UPDATE ON payments
WHEN OLD.status NOT IN ('pending', 'unknown')
  OR NEW.bill_id IS NOT OLD.bill_id OR NEW.payee IS NOT OLD.payee
  OR NEW.category IS NOT OLD.category OR NEW.account IS NOT OLD.account
  OR NEW.amount_fen IS NOT OLD.amount_fen OR NEW.created_utc IS NOT OLD.created_utc
  OR NEW.idempotency_key IS NOT OLD.idempotency_key
BEGIN SELECT RAISE(ABORT, 'a resolved payment never changes'); END;
CREATE TABLE catalog_cache (
    id INTEGER PRIMARY KEY CHECK (id = 1), version TEXT NOT NULL, etag TEXT NOT NULL,
    body BLOB NOT NULL, stored_utc TEXT NOT NULL);
CREATE TABLE outbox (
    id INTEGER PRIMARY KEY AUTOINCREMENT, kind TEXT NOT NULL, payload BLOB NOT NULL,
    created_utc TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0, last_error TEXT,
    next_attempt_utc TEXT NOT NULL);
CREATE TABLE outbox_attachments (
    item_id INTEGER NOT NULL REFERENCES outbox (id) ON DELETE CASCADE,
    position INTEGER NOT NULL, path TEXT NOT NULL, PRIMARY KEY (item_id, position));
CREATE TABLE favourites (service_id TEXT PRIMARY KEY, added_utc TEXT NOT NULL);
CREATE TABLE recents (service_id TEXT PRIMARY KEY, used_utc TEXT NOT NULL);
CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
)sql"},
    {2, "ledger indexes for the category and status filters and the totals", R"sql(
CREATE INDEX payments_by_category ON payments (category, created_utc);
CREATE INDEX payments_by_status ON payments (status, created_utc, id);
)sql"},
    {3, "ETag cache for conditional requests of the net layer", R"sql(
CREATE TABLE http_cache (
    url TEXT PRIMARY KEY, etag TEXT NOT NULL, body BLOB NOT NULL, stored_utc TEXT NOT NULL);
)sql"},
    // Several citizens may sign in on one vault: a payment or a queued submission is asked
    // about or sent only with the session of the citizen who made it. '' marks what was made
    // before owners were recorded (see payment_ledger.h and outbox.h for how it is treated).
    // ADD COLUMN leaves every row as it is, so the ledger's resolve-once trigger is not fired;
    // the owner of an entry, once set, never changes.
    {4, "payments, outbox items and drafts belong to the citizen who made them", R"sql(
ALTER TABLE payments ADD COLUMN owner TEXT NOT NULL DEFAULT '';
ALTER TABLE outbox ADD COLUMN owner TEXT NOT NULL DEFAULT '';
CREATE INDEX payments_by_owner ON payments (owner, status, created_utc, id);
CREATE TRIGGER payments_owner_once BEFORE UPDATE OF owner ON payments
WHEN OLD.owner <> '' AND NEW.owner IS NOT OLD.owner
BEGIN SELECT RAISE(ABORT, 'a payment never changes its owner'); END;
CREATE TABLE vault_citizens (citizen_id TEXT PRIMARY KEY, first_seen_utc TEXT NOT NULL);
)sql"},
    {5, "outbox items the server refused for good keep its reason", R"sql(
ALTER TABLE outbox ADD COLUMN refused_reason TEXT;
)sql"},
    // The message centre (store/inbox.h): title and body are message ids with their arguments
    // (joined by the unit separator); search_text adds the text as first shown.
    {6, "the message centre keeps every notification, read or unread, per citizen", R"sql(
CREATE TABLE messages (
    id INTEGER PRIMARY KEY AUTOINCREMENT, owner TEXT NOT NULL DEFAULT '',
    kind TEXT NOT NULL, title TEXT NOT NULL, title_args TEXT NOT NULL DEFAULT '',
    body TEXT NOT NULL, body_args TEXT NOT NULL DEFAULT '',
    search_text TEXT NOT NULL DEFAULT '', created_utc TEXT NOT NULL, read_utc TEXT);
CREATE INDEX messages_by_owner ON messages (owner, created_utc, id);
CREATE INDEX messages_unread ON messages (owner, kind) WHERE read_utc IS NULL;
)sql"},
};
// clang-format on

} // namespace

const MigrationStep* migration_steps(int* count) {
    *count = static_cast<int>(std::size(steps));
    return steps;
}

int latest_schema_version() {
    return steps[std::size(steps) - 1].version;
}

Result<int> schema_version(Connection& db) {
    auto v = db.query_int("PRAGMA user_version");
    if (!v) {
        return v.error();
    }
    return static_cast<int>(*v);
}

Status migrate(Connection& db, int target) {
    if (target <= 0) {
        target = latest_schema_version();
    }
    auto current = schema_version(db);
    if (!current) {
        return current.error();
    }
    if (*current > latest_schema_version()) {
        Error e = make_error(ErrorKind::storage, "vault schema " + std::to_string(*current) +
                                                     " is newer than this build knows");
        e.user_message = msg(N_("This vault was made by a newer version of CitizenDesk. "
                                "Please update the application."));
        return e;
    }
    for (const MigrationStep& step : steps) {
        if (step.version <= *current || step.version > target) {
            continue;
        }
        Status s = db.transaction([&]() -> Status {
            if (auto r = db.exec(step.sql); !r) {
                return r;
            }
            return db.exec("PRAGMA user_version = " + std::to_string(step.version));
        });
        if (!s) {
            Error e = s.error();
            e.detail = "migration to schema " + std::to_string(step.version) + ": " + e.detail;
            return e;
        }
        diag::info(diag::Category::store, "vault schema migrated to ", step.version, " (",
                   step.summary, ")");
    }
    return Done{};
}

} // namespace cd::store
