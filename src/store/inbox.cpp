#include "store/inbox.h"

#include "store/connection.h"
#include "store/utc_time.h"
#include "store/vault.h"

#include <algorithm>
#include <string_view>

namespace cd::store {
namespace {

// Arguments as one column: each one ends with the unit separator, so [] and [""] differ.
constexpr char arg_end = '\x1f';

std::string encode_args(const std::vector<std::string>& args) {
    std::string out;
    for (std::string arg : args) {
        std::replace(arg.begin(), arg.end(), arg_end, ' ');
        out += arg;
        out += arg_end;
    }
    return out;
}

std::vector<std::string> decode_args(std::string_view text) {
    std::vector<std::string> args;
    std::size_t start = 0;
    for (std::size_t end = text.find(arg_end); end != std::string_view::npos;
         end = text.find(arg_end, start)) {
        args.emplace_back(text.substr(start, end - start));
        start = end + 1;
    }
    return args;
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

// The WHERE clause for a filter; bind_filter binds its values in the same order.
std::string where_clause(const InboxFilter& f) {
    std::string w = " WHERE (owner = ? OR (? AND owner = ''))";
    if (f.kind) {
        w += " AND kind = ?";
    }
    if (f.unread_only) {
        w += " AND read_utc IS NULL";
    }
    if (!f.text.empty()) {
        w += " AND search_text LIKE ? ESCAPE '\\'";
    }
    return w;
}

int bind_filter(Statement& s, const InboxFilter& f, int index = 1) {
    s.bind(index++, f.owner);
    s.bind(index++, static_cast<std::int64_t>(f.with_unowned ? 1 : 0));
    if (f.kind) {
        s.bind(index++, *f.kind);
    }
    if (!f.text.empty()) {
        s.bind(index++, like_pattern(f.text));
    }
    return index;
}

} // namespace

Result<Connection*> Inbox::db() {
    return vault_.connection();
}

Result<std::int64_t> Inbox::add(const NewInboxMessage& m) {
    auto c = db();
    if (!c) {
        return c.error();
    }
    auto s = (*c)->prepare("INSERT INTO messages (owner, kind, title, title_args, body, "
                           "body_args, search_text, created_utc) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    if (!s) {
        return s.error();
    }
    // The English text is searchable whatever the language was when the message was raised.
    const std::string search = format_message(m.title.id, m.title.args) + "\n" +
                               format_message(m.body.id, m.body.args) + "\n" + m.shown_text;
    s->bind(1, m.owner)
        .bind(2, m.kind)
        .bind(3, m.title.id)
        .bind(4, encode_args(m.title.args))
        .bind(5, m.body.id)
        .bind(6, encode_args(m.body.args))
        .bind(7, search)
        .bind(8, to_utc_iso8601(m.at));
    if (auto r = s->run(); !r) {
        return r.error();
    }
    return (*c)->last_insert_id();
}

Result<InboxPage> Inbox::page(const InboxFilter& filter, const std::optional<InboxCursor>& after,
                              int limit) {
    auto c = db();
    if (!c) {
        return c.error();
    }
    std::string sql = "SELECT id, owner, kind, title, title_args, body, body_args, created_utc, "
                      "read_utc FROM messages" +
                      where_clause(filter);
    if (after) {
        sql += " AND (created_utc < ? OR (created_utc = ? AND id < ?))";
    }
    sql += " ORDER BY created_utc DESC, id DESC LIMIT ?";
    auto s = (*c)->prepare(sql);
    if (!s) {
        return s.error();
    }
    int index = bind_filter(*s, filter);
    if (after) {
        s->bind(index, after->created_utc).bind(index + 1, after->created_utc);
        s->bind(index + 2, after->id);
        index += 3;
    }
    // One more than asked: whether a next page exists without a count.
    s->bind(index, static_cast<std::int64_t>(limit) + 1);
    InboxPage page;
    if (auto r = s->for_each_row([&](const Statement& row) {
            InboxMessage m;
            m.id = row.column_int64(0);
            m.owner = row.column_text(1);
            m.kind = row.column_text(2);
            m.title = Message{row.column_text(3), decode_args(row.column_text(4))};
            m.body = Message{row.column_text(5), decode_args(row.column_text(6))};
            m.created_utc = row.column_text(7);
            m.read_utc = row.column_optional_text(8);
            page.messages.push_back(std::move(m));
        });
        !r) {
        return r.error();
    }
    if (static_cast<int>(page.messages.size()) > limit) {
        page.messages.resize(static_cast<std::size_t>(limit));
        const InboxMessage& last = page.messages.back();
        page.next = InboxCursor{last.created_utc, last.id};
    }
    return page;
}

Result<std::int64_t> Inbox::unread_count(const InboxFilter& filter) {
    auto c = db();
    if (!c) {
        return c.error();
    }
    auto s = (*c)->prepare("SELECT count(*) FROM messages" + where_clause(filter) +
                           " AND read_utc IS NULL");
    if (!s) {
        return s.error();
    }
    bind_filter(*s, filter);
    auto row = s->step();
    if (!row) {
        return row.error();
    }
    return s->column_int64(0);
}

Result<bool> Inbox::mark_read(std::int64_t id, const InboxFilter& whose,
                              std::chrono::system_clock::time_point at) {
    auto c = db();
    if (!c) {
        return c.error();
    }
    auto s = (*c)->prepare("UPDATE messages SET read_utc = ?" + where_clause(whose) +
                           " AND read_utc IS NULL AND id = ?");
    if (!s) {
        return s.error();
    }
    s->bind(1, to_utc_iso8601(at));
    const int index = bind_filter(*s, whose, 2);
    s->bind(index, id);
    if (auto r = s->run(); !r) {
        return r.error();
    }
    return (*c)->changes() == 1;
}

Result<std::int64_t> Inbox::mark_all_read(const InboxFilter& filter,
                                          std::chrono::system_clock::time_point at) {
    auto c = db();
    if (!c) {
        return c.error();
    }
    auto s = (*c)->prepare("UPDATE messages SET read_utc = ?" + where_clause(filter) +
                           " AND read_utc IS NULL");
    if (!s) {
        return s.error();
    }
    s->bind(1, to_utc_iso8601(at));
    bind_filter(*s, filter, 2);
    if (auto r = s->run(); !r) {
        return r.error();
    }
    return static_cast<std::int64_t>((*c)->changes());
}

} // namespace cd::store
