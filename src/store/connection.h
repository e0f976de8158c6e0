// A thin RAII layer over one SQLCipher connection for the repositories: prepared statements,
// transactions (nested ones become savepoints) and SQLite result codes turned into cd::Error.
// It hides <sqlite3.h>, so the app layer never sees SQLite. Used only on the store thread.
#pragma once

#include "core/error.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace cd::store {

// SQLite's primary result codes we tell apart.
inline constexpr int sqlite_generic_error = 1; // SQLITE_ERROR
inline constexpr int sqlite_corrupt = 11;
inline constexpr int sqlite_full = 13;
inline constexpr int sqlite_notadb = 26;
inline constexpr int sqlite_constraint_unique = 2067; // SQLITE_CONSTRAINT_UNIQUE

// What the citizen is told about a damaged vault file, with the way out.
Message damaged_vault_message();

// The error for a failed SQLite call: storage for disk full, I/O and damage; the primary
// result code lands in the detail. Never includes bound values.
Error sqlite_error(int rc, std::string_view what, sqlite3* db = nullptr);

class Statement {
public:
    Statement() = default;
    Statement(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&& other) noexcept;
    ~Statement();

    // Parameters are 1-based, like SQLite's.
    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, std::string_view text);
    Statement& bind(int index, const char* text) { return bind(index, std::string_view(text)); }
    Statement& bind(int index, const std::string& text) {
        return bind(index, std::string_view(text));
    }
    Statement& bind_blob(int index, std::string_view bytes);
    Statement& bind_null(int index);
    Statement& bind(int index, const std::optional<std::string>& text);

    // true: a row is ready; false: done.
    Result<bool> step();
    // Steps to the end, for statements that return no rows.
    Status run();
    // Steps to the end, handing each row to `row`.
    Status for_each_row(const std::function<void(const Statement&)>& row);
    void reset();

    std::int64_t column_int64(int column) const;
    std::string column_text(int column) const;
    std::optional<std::string> column_optional_text(int column) const;
    bool column_is_null(int column) const;

private:
    Status bind_status() const;
    Statement& note_bind(int rc);

    sqlite3* db_ = nullptr;
    sqlite3_stmt* stmt_ = nullptr;
    int bind_rc_ = 0;
};

class Connection {
public:
    Connection() = default;
    explicit Connection(sqlite3* db) : db_(db) {}
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;
    Connection(Connection&& other) noexcept;
    Connection& operator=(Connection&& other) noexcept;
    ~Connection();

    sqlite3* handle() const { return db_; }
    bool is_open() const { return db_ != nullptr; }
    void close();

    Status exec(std::string_view sql);
    Result<Statement> prepare(std::string_view sql);
    // The first column of the first row, as an integer or text.
    Result<std::int64_t> query_int(std::string_view sql);
    Result<std::string> query_text(std::string_view sql);
    std::int64_t last_insert_id() const;
    int changes() const;
    // SQLite's extended result code of the last failed call (sqlite3_extended_errcode).
    int last_error_code() const;

    // Runs `work` in one transaction (BEGIN IMMEDIATE ... COMMIT), or in a savepoint when a
    // transaction is already open; rolls back when it returns an error.
    Status transaction(const std::function<Status()>& work);

private:
    sqlite3* db_ = nullptr;
};

} // namespace cd::store
