// The server's own SQLite file (through the SQLCipher library, unkeyed): citizens, bills,
// payments, sessions, applications, appointments and My Voice reports survive a restart.
// One connection behind one mutex; callers hold lock() for a whole unit of work and wrap
// writes in a Transaction, so a booking or a payment is atomic under concurrent requests.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>

struct sqlite3;
struct sqlite3_stmt;

namespace cd::server {

// Thrown on any SQLite failure; the router turns it into a 500 problem.
struct DatabaseError : std::runtime_error {
    int code;
    DatabaseError(int c, const std::string& what) : std::runtime_error(what), code(c) {}
};

class Statement {
public:
    Statement(sqlite3* db, std::string_view sql);
    ~Statement();
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    template <class I, std::enable_if_t<std::is_integral_v<I>, int> = 0>
    Statement& bind(int index, I value) {
        return bind_integer(index, static_cast<std::int64_t>(value));
    }
    Statement& bind(int index, double value);
    Statement& bind(int index, std::string_view value);
    Statement& bind(int index, const char* value) { return bind(index, std::string_view(value)); }
    Statement& bind(int index, const std::string& value) {
        return bind(index, std::string_view(value));
    }
    Statement& bind_null(int index);

    // Advances; true while there is a row. Throws DatabaseError on failure (constraint
    // violations carry SQLITE_CONSTRAINT as code).
    bool step();
    void run() { step(); }
    void reset();

    std::int64_t integer(int column) const;
    double real(int column) const;
    std::string text(int column) const;
    bool is_null(int column) const;

private:
    Statement& bind_integer(int index, std::int64_t value);
    sqlite3* db_;
    sqlite3_stmt* stmt_ = nullptr;
};

class Database {
public:
    // Opens (creating if needed) the file; an empty path means a private in-memory database.
    explicit Database(const std::string& path);
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    std::unique_lock<std::mutex> lock() { return std::unique_lock<std::mutex>(mutex_); }

    void exec(std::string_view sql);
    Statement prepare(std::string_view sql) { return Statement(db_, sql); }
    std::int64_t changes() const;

    std::optional<std::string> meta(std::string_view key);
    void set_meta(std::string_view key, std::string_view value);

private:
    sqlite3* db_ = nullptr;
    std::mutex mutex_;
};

// BEGIN IMMEDIATE ... COMMIT; rolls back unless commit() ran. Hold the database lock.
class Transaction {
public:
    explicit Transaction(Database& db);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    void commit();

private:
    Database& db_;
    bool done_ = false;
};

} // namespace cd::server
