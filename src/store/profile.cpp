#include "store/profile.h"

#include "core/phone_number.h"
#include "core/resident_id.h"
#include "store/vault.h"

#include <algorithm>
#include <cctype>

namespace cd::store {
namespace {

constexpr std::size_t max_name_bytes = 100;    // ~33 Chinese characters
constexpr std::size_t max_address_bytes = 400; // ~130 Chinese characters

Message resident_id_message(ResidentIdCheck check) {
    switch (check) {
    case ResidentIdCheck::wrong_length:
        return msg(N_("The ID number must have 18 characters."));
    case ResidentIdCheck::not_digits:
        return msg(N_("The ID number may contain only digits, and X as the last character."));
    case ResidentIdCheck::bad_birth_date:
        return msg(N_("The birth date inside the ID number is not a real date."));
    case ResidentIdCheck::bad_checksum:
        return msg(N_("The ID number is not valid. Please check each digit."));
    case ResidentIdCheck::valid:
        break;
    }
    return {};
}

std::string upper_x(std::string id) {
    if (!id.empty() && id.back() == 'x') {
        id.back() = 'X';
    }
    return id;
}

bool blank(const std::string& s) {
    return std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isspace(c); });
}

// A NUL would end the text early wherever it is next read as a C string (wx, the platform).
bool has_nul(const std::string& s) {
    return s.find('\0') != std::string::npos;
}

Message unsaveable() {
    return msg(N_("This text contains a character that cannot be saved."));
}

bool is_card_number(const std::string& s) {
    return s.size() >= 6 && s.size() <= 20 &&
           std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isalnum(c); });
}

void check_id(std::vector<FieldProblem>& out, const std::string& field, const std::string& id) {
    const auto check = check_resident_id(upper_x(id));
    if (check != ResidentIdCheck::valid) {
        out.push_back({field, resident_id_message(check)});
    }
}

} // namespace

std::vector<FieldProblem> validate_profile(const Profile& p) {
    std::vector<FieldProblem> out;
    if (blank(p.name)) {
        out.push_back({"name", msg(N_("Please enter your name."))});
    } else if (has_nul(p.name)) {
        out.push_back({"name", unsaveable()});
    } else if (p.name.size() > max_name_bytes) {
        out.push_back({"name", msg(N_("The name is too long."))});
    }
    if (blank(p.resident_id)) {
        out.push_back({"resident_id", msg(N_("Please enter your ID number."))});
    } else {
        check_id(out, "resident_id", p.resident_id);
    }
    if (!p.phone.empty() && !is_valid_mobile_number(p.phone)) {
        out.push_back({"phone", msg(N_("Please enter an 11-digit mobile number, such as "
                                       "138 0013 8000."))});
    }
    if (has_nul(p.address)) {
        out.push_back({"address", unsaveable()});
    } else if (p.address.size() > max_address_bytes) {
        out.push_back({"address", msg(N_("The address is too long."))});
    }
    if (!p.citizen_card.empty() && !is_card_number(p.citizen_card)) {
        out.push_back({"citizen_card", msg(N_("The citizen-card number has 6 to 20 letters "
                                              "and digits."))});
    }
    for (std::size_t i = 0; i < p.family.size(); ++i) {
        const auto& m = p.family[i];
        const std::string prefix = "family." + std::to_string(i) + ".";
        if (blank(m.name) || m.name.size() > max_name_bytes) {
            out.push_back({prefix + "name", msg(N_("Please enter the family member's name."))});
        } else if (has_nul(m.name)) {
            out.push_back({prefix + "name", unsaveable()});
        }
        if (blank(m.relation)) {
            out.push_back({prefix + "relation", msg(N_("Please say how you are related."))});
        } else if (has_nul(m.relation)) {
            out.push_back({prefix + "relation", unsaveable()});
        }
        if (!m.resident_id.empty()) {
            check_id(out, prefix + "resident_id", m.resident_id);
        }
    }
    return out;
}

Result<std::optional<Profile>> ProfileRepository::load() {
    auto db = vault_.connection();
    if (!db) {
        return db.error();
    }
    auto row = (*db)->prepare(
        "SELECT name, resident_id, phone, address, citizen_card FROM profile WHERE id = 1");
    if (!row) {
        return row.error();
    }
    auto found = row->step();
    if (!found) {
        return found.error();
    }
    if (!*found) {
        return std::optional<Profile>();
    }
    Profile p{row->column_text(0), row->column_text(1), row->column_text(2),
              row->column_text(3), row->column_text(4), {}};
    auto members =
        (*db)->prepare("SELECT name, relation, resident_id FROM family_members ORDER BY position");
    if (!members) {
        return members.error();
    }
    if (auto r = members->for_each_row([&](const Statement& member) {
            p.family.push_back(
                {member.column_text(0), member.column_text(1), member.column_text(2)});
        });
        !r) {
        return r.error();
    }
    return std::optional<Profile>(std::move(p));
}

Status ProfileRepository::save(const Profile& profile) {
    const auto problems = validate_profile(profile);
    if (!problems.empty()) {
        std::string fields;
        for (const auto& p : problems) {
            fields += (fields.empty() ? "" : ", ") + p.field;
        }
        Error e = make_error(ErrorKind::validation, "profile fields invalid: " + fields);
        e.user_message = problems.front().message;
        return e;
    }
    auto db = vault_.connection();
    if (!db) {
        return db.error();
    }
    Connection& c = **db;
    return c.transaction([&]() -> Status {
        auto put = c.prepare("INSERT OR REPLACE INTO profile (id, name, resident_id, phone, "
                             "address, citizen_card) VALUES (1, ?, ?, ?, ?, ?)");
        if (!put) {
            return put.error();
        }
        const std::string phone =
            profile.phone.empty() ? "" : normalize_mobile_number(profile.phone).value_or("");
        put->bind(1, profile.name)
            .bind(2, upper_x(profile.resident_id))
            .bind(3, phone)
            .bind(4, profile.address)
            .bind(5, profile.citizen_card);
        if (auto s = put->run(); !s) {
            return s;
        }
        if (auto s = c.exec("DELETE FROM family_members"); !s) {
            return s;
        }
        auto add = c.prepare("INSERT INTO family_members (position, name, relation, resident_id) "
                             "VALUES (?, ?, ?, ?)");
        if (!add) {
            return add.error();
        }
        for (std::size_t i = 0; i < profile.family.size(); ++i) {
            const auto& m = profile.family[i];
            add->reset();
            add->bind(1, static_cast<std::int64_t>(i))
                .bind(2, m.name)
                .bind(3, m.relation)
                .bind(4, upper_x(m.resident_id));
            if (auto s = add->run(); !s) {
                return s;
            }
        }
        return Done{};
    });
}

} // namespace cd::store
