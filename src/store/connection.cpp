#include "store/connection.h"

#include <sqlite3.h>

#include <utility>

namespace cd::store {

Message damaged_vault_message() {
    return msg(N_("The vault file is damaged. You can move it aside and create a new vault, or "
                  "restore one from a backup."));
}

Error sqlite_error(int rc, std::string_view what, sqlite3* db) {
    const int primary = rc & 0xff;
    std::string detail(what);
    detail += ": SQLite error " + std::to_string(rc) + " (" + sqlite3_errstr(rc) + ")";
    if (db != nullptr && sqlite3_errcode(db) == rc) {
        detail += std::string(": ") + sqlite3_errmsg(db);
    }
    Error e = make_error(ErrorKind::storage, std::move(detail));
    switch (primary) {
    case SQLITE_FULL:
        e.user_message = msg(N_("The disk is full. Free some space and try again."));
        e.retryable = true;
        break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        e.user_message = msg(N_("The vault is busy. Try again in a moment."));
        e.retryable = true;
        break;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
        e.user_message = damaged_vault_message();
        break;
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
    case SQLITE_READONLY:
    case SQLITE_PERM:
        e.user_message = msg(N_("The vault file could not be read or written. Check that the "
                                "disk is present and that you may write to the folder."));
        e.retryable = true;
        break;
    default:
        break;
    }
    return e;
}

Statement::Statement(Statement&& other) noexcept
    : db_(std::exchange(other.db_, nullptr)), stmt_(std::exchange(other.stmt_, nullptr)),
      bind_rc_(std::exchange(other.bind_rc_, 0)) {}

Statement& Statement::operator=(Statement&& other) noexcept {
    if (this != &other) {
        sqlite3_finalize(stmt_);
        db_ = std::exchange(other.db_, nullptr);
        stmt_ = std::exchange(other.stmt_, nullptr);
        bind_rc_ = std::exchange(other.bind_rc_, 0);
    }
    return *this;
}

Statement::~Statement() {
    sqlite3_finalize(stmt_);
}

Statement& Statement::note_bind(int rc) {
    // The first failed bind is reported by the next step(), so callers can chain binds.
    if (rc != SQLITE_OK && bind_rc_ == SQLITE_OK) {
        bind_rc_ = rc;
    }
    return *this;
}

Statement& Statement::bind(int index, std::int64_t value) {
    return note_bind(sqlite3_bind_int64(stmt_, index, value));
}

Statement& Statement::bind(int index, std::string_view text) {
    return note_bind(sqlite3_bind_text(stmt_, index, text.data(), static_cast<int>(text.size()),
                                       SQLITE_TRANSIENT));
}

Statement& Statement::bind_blob(int index, std::string_view bytes) {
    return note_bind(sqlite3_bind_blob(stmt_, index, bytes.data(), static_cast<int>(bytes.size()),
                                       SQLITE_TRANSIENT));
}

Statement& Statement::bind_null(int index) {
    return note_bind(sqlite3_bind_null(stmt_, index));
}

Statement& Statement::bind(int index, const std::optional<std::string>& text) {
    return text ? bind(index, std::string_view(*text)) : bind_null(index);
}

Status Statement::bind_status() const {
    if (bind_rc_ != SQLITE_OK) {
        return sqlite_error(bind_rc_, "bind", db_);
    }
    return Done{};
}

Result<bool> Statement::step() {
    if (auto s = bind_status(); !s) {
        return s.error();
    }
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) {
        return true;
    }
    if (rc == SQLITE_DONE) {
        return false;
    }
    return sqlite_error(rc, "step", db_);
}

Status Statement::for_each_row(const std::function<void(const Statement&)>& row) {
    for (;;) {
        auto more = step();
        if (!more) {
            return more.error();
        }
        if (!*more) {
            return Done{};
        }
        row(*this);
    }
}

Status Statement::run() {
    return for_each_row([](const Statement&) {});
}

void Statement::reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
    bind_rc_ = SQLITE_OK;
}

std::int64_t Statement::column_int64(int column) const {
    return sqlite3_column_int64(stmt_, column);
}

std::string Statement::column_text(int column) const {
    const void* p = sqlite3_column_blob(stmt_, column);
    const int n = sqlite3_column_bytes(stmt_, column);
    return p == nullptr ? std::string() : std::string(static_cast<const char*>(p), n);
}

std::optional<std::string> Statement::column_optional_text(int column) const {
    if (column_is_null(column)) {
        return std::nullopt;
    }
    return column_text(column);
}

bool Statement::column_is_null(int column) const {
    return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

Connection::Connection(Connection&& other) noexcept : db_(std::exchange(other.db_, nullptr)) {}

Connection& Connection::operator=(Connection&& other) noexcept {
    if (this != &other) {
        close();
        db_ = std::exchange(other.db_, nullptr);
    }
    return *this;
}

Connection::~Connection() {
    close();
}

void Connection::close() {
    if (db_ != nullptr) {
        // close_v2 defers the close until any forgotten statement is finalised.
        sqlite3_close_v2(db_);
        db_ = nullptr;
    }
}

Status Connection::exec(std::string_view sql) {
    const std::string text(sql);
    const int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK) {
        return sqlite_error(rc, "exec", db_);
    }
    return Done{};
}

Result<Statement> Connection::prepare(std::string_view sql) {
    sqlite3_stmt* stmt = nullptr;
    const int rc =
        sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &stmt, nullptr);
    if (rc != SQLITE_OK) {
        sqlite3_finalize(stmt);
        return sqlite_error(rc, "prepare", db_);
    }
    return Statement(db_, stmt);
}

Result<std::int64_t> Connection::query_int(std::string_view sql) {
    auto stmt = prepare(sql);
    if (!stmt) {
        return stmt.error();
    }
    auto row = stmt->step();
    if (!row) {
        return row.error();
    }
    return *row ? stmt->column_int64(0) : 0;
}

Result<std::string> Connection::query_text(std::string_view sql) {
    auto stmt = prepare(sql);
    if (!stmt) {
        return stmt.error();
    }
    auto row = stmt->step();
    if (!row) {
        return row.error();
    }
    return *row ? stmt->column_text(0) : std::string();
}

std::int64_t Connection::last_insert_id() const {
    return sqlite3_last_insert_rowid(db_);
}

int Connection::last_error_code() const {
    return sqlite3_extended_errcode(db_);
}

int Connection::changes() const {
    return sqlite3_changes(db_);
}

Status Connection::transaction(const std::function<Status()>& work) {
    const bool outer = sqlite3_get_autocommit(db_) != 0;
    if (auto s = exec(outer ? "BEGIN IMMEDIATE" : "SAVEPOINT nested"); !s) {
        return s;
    }
    Status result = work();
    if (result) {
        result = exec(outer ? "COMMIT" : "RELEASE nested");
        if (result) {
            return result;
        }
    }
    if (outer) {
        // A failed COMMIT may already have rolled back; ROLLBACK then fails harmlessly.
        (void)exec("ROLLBACK");
    } else {
        (void)exec("ROLLBACK TO nested");
        (void)exec("RELEASE nested");
    }
    return result;
}

} // namespace cd::store
