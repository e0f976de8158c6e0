#include "store/outbox.h"

#include "store/utc_time.h"
#include "store/vault.h"

namespace cd::store {
namespace {

Error not_in_outbox(std::int64_t id) {
    Error e = make_error(ErrorKind::conflict, "outbox item " + std::to_string(id) + " is gone");
    e.user_message = msg(N_("This submission is no longer waiting to be sent."));
    return e;
}

} // namespace

Result<std::int64_t> Outbox::enqueue(const std::string& kind, const std::string& payload,
                                     const std::vector<std::string>& attachments, time_point now,
                                     const std::string& owner) {
    auto db = vault_.connection();
    if (!db) {
        return db.error();
    }
    std::int64_t id = 0;
    Status s = (*db)->transaction([&]() -> Status {
        auto added = insert(kind, payload, attachments, now, owner);
        if (!added) {
            return added.error();
        }
        id = *added;
        return Done{};
    });
    if (!s) {
        return s.error();
    }
    return id;
}

Result<std::int64_t> Outbox::replace(std::int64_t old_id, const std::string& kind,
                                     const std::string& payload,
                                     const std::vector<std::string>& attachments, time_point now) {
    auto db = vault_.connection();
    if (!db) {
        return db.error();
    }
    std::int64_t id = 0;
    Status s = (*db)->transaction([&]() -> Status {
        // The corrected item stays the citizen's who queued the refused one.
        auto owner =
            (*db)->query_text("SELECT owner FROM outbox WHERE id = " + std::to_string(old_id));
        if (!owner) {
            return owner.error();
        }
        if (auto gone = remove(old_id); !gone) {
            return gone;
        }
        auto added = insert(kind, payload, attachments, now, *owner);
        if (!added) {
            return added.error();
        }
        id = *added;
        return Done{};
    });
    if (!s) {
        return s.error();
    }
    return id;
}

// Inside the caller's transaction.
Result<std::int64_t> Outbox::insert(const std::string& kind, const std::string& payload,
                                    const std::vector<std::string>& attachments, time_point now,
                                    const std::string& owner) {
    auto db = vault_.connection();
    if (!db) {
        return db.error();
    }
    Connection& c = **db;
    std::int64_t id = 0;
    Status s = [&]() -> Status {
        auto add = c.prepare("INSERT INTO outbox (kind, payload, created_utc, next_attempt_utc, "
                             "owner) VALUES (?, ?, ?, ?, ?)");
        if (!add) {
            return add.error();
        }
        const std::string stamp = to_utc_iso8601(now);
        add->bind(1, kind).bind_blob(2, payload).bind(3, stamp).bind(4, stamp).bind(5, owner);
        if (auto r = add->run(); !r) {
            return r;
        }
        id = c.last_insert_id();
        auto attach =
            c.prepare("INSERT INTO outbox_attachments (item_id, position, path) VALUES (?, ?, ?)");
        if (!attach) {
            return attach.error();
        }
        for (std::size_t i = 0; i < attachments.size(); ++i) {
            attach->reset();
            attach->bind(1, id).bind(2, static_cast<std::int64_t>(i)).bind(3, attachments[i]);
            if (auto r = attach->run(); !r) {
                return r;
            }
        }
        return Done{};
    }();
    if (!s) {
        return s.error();
    }
    return id;
}

Result<std::vector<OutboxItem>> Outbox::query(const std::string& where_and_order, time_point* now,
                                              int limit, const std::string* owner,
                                              bool with_unowned) {
    auto db = vault_.connection();
    if (!db) {
        return db.error();
    }
    Connection& c = **db;
    auto s = c.prepare("SELECT id, kind, payload, created_utc, attempts, last_error, "
                       "next_attempt_utc, owner, refused_reason FROM outbox " +
                       where_and_order + " LIMIT ?");
    if (!s) {
        return s.error();
    }
    int index = 1;
    if (now != nullptr) {
        s->bind(index++, to_utc_iso8601(*now));
    }
    if (owner != nullptr) {
        s->bind(index++, *owner);
        s->bind(index++, static_cast<std::int64_t>(with_unowned ? 1 : 0));
    }
    s->bind(index, static_cast<std::int64_t>(limit));
    std::vector<OutboxItem> items;
    if (auto r = s->for_each_row([&](const Statement& row) {
            items.push_back(OutboxItem{row.column_int64(0),
                                       row.column_text(1),
                                       row.column_text(2),
                                       {},
                                       row.column_text(3),
                                       static_cast<int>(row.column_int64(4)),
                                       row.column_optional_text(5),
                                       row.column_text(6),
                                       row.column_text(7),
                                       row.column_optional_text(8)});
        });
        !r) {
        return r.error();
    }
    auto paths = c.prepare("SELECT path FROM outbox_attachments WHERE item_id = ? "
                           "ORDER BY position");
    if (!paths) {
        return paths.error();
    }
    for (auto& item : items) {
        paths->reset();
        paths->bind(1, item.id);
        if (auto r = paths->for_each_row(
                [&](const Statement& row) { item.attachments.push_back(row.column_text(0)); });
            !r) {
            return r.error();
        }
    }
    return items;
}

Result<std::vector<OutboxItem>> Outbox::due(time_point now, int limit) {
    return query("WHERE refused_reason IS NULL AND next_attempt_utc <= ? "
                 "ORDER BY next_attempt_utc, id",
                 &now, limit);
}

Result<std::vector<OutboxItem>> Outbox::due_for(time_point now, const std::string& owner,
                                                bool with_unowned, int limit) {
    return query("WHERE refused_reason IS NULL AND next_attempt_utc <= ? "
                 "AND (owner = ? OR (? AND owner = '')) "
                 "ORDER BY next_attempt_utc, id",
                 &now, limit, &owner, with_unowned);
}

Result<std::vector<OutboxItem>> Outbox::all() {
    return query("ORDER BY id", nullptr, -1);
}

Result<std::int64_t> Outbox::count() {
    auto db = vault_.connection();
    if (!db) {
        return db.error();
    }
    return (*db)->query_int("SELECT count(*) FROM outbox");
}

Result<std::int64_t> Outbox::count_refused() {
    auto db = vault_.connection();
    if (!db) {
        return db.error();
    }
    return (*db)->query_int("SELECT count(*) FROM outbox WHERE refused_reason IS NOT NULL");
}

Result<std::optional<OutboxItem>> Outbox::find(std::int64_t id) {
    auto items = query("WHERE id = " + std::to_string(id), nullptr, 1);
    if (!items) {
        return items.error();
    }
    if (items->empty()) {
        return std::optional<OutboxItem>();
    }
    return std::optional<OutboxItem>(std::move(items->front()));
}

Status Outbox::refuse(std::int64_t id, const std::string& reason, const std::string& error_detail) {
    auto db = vault_.connection();
    if (!db) {
        return db.error();
    }
    Connection& c = **db;
    return c.transaction([&]() -> Status {
        auto s = c.prepare("UPDATE outbox SET attempts = attempts + 1, last_error = ?, "
                           "refused_reason = ? WHERE id = ?");
        if (!s) {
            return s.error();
        }
        s->bind(1, error_detail).bind(2, reason).bind(3, id);
        if (auto r = s->run(); !r) {
            return r;
        }
        return c.changes() == 1 ? Status(Done{}) : Status(not_in_outbox(id));
    });
}

Status Outbox::record_failure(std::int64_t id, const std::string& error_detail,
                              time_point retry_at) {
    auto db = vault_.connection();
    if (!db) {
        return db.error();
    }
    Connection& c = **db;
    return c.transaction([&]() -> Status {
        auto s = c.prepare("UPDATE outbox SET attempts = attempts + 1, last_error = ?, "
                           "next_attempt_utc = ? WHERE id = ?");
        if (!s) {
            return s.error();
        }
        s->bind(1, error_detail).bind(2, to_utc_iso8601(retry_at)).bind(3, id);
        if (auto r = s->run(); !r) {
            return r;
        }
        return c.changes() == 1 ? Status(Done{}) : Status(not_in_outbox(id));
    });
}

Status Outbox::confirm(std::int64_t id) {
    auto db = vault_.connection();
    if (!db) {
        return db.error();
    }
    return (*db)->transaction([&]() -> Status { return remove(id); });
}

// Inside the caller's transaction.
Status Outbox::remove(std::int64_t id) {
    auto db = vault_.connection();
    if (!db) {
        return db.error();
    }
    Connection& c = **db;
    auto s = c.prepare("DELETE FROM outbox WHERE id = ?");
    if (!s) {
        return s.error();
    }
    s->bind(1, id);
    if (auto r = s->run(); !r) {
        return r;
    }
    return c.changes() == 1 ? Status(Done{}) : Status(not_in_outbox(id));
}

} // namespace cd::store
