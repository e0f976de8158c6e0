// The citizen's profile in the vault: name, resident ID number, phone, address, citizen-card
// number and family members. Validated before it is saved; validation speaks per field so the
// profile dialog can mark each one.
#pragma once

#include "core/error.h"
#include "core/message.h"

#include <optional>
#include <string>
#include <vector>

namespace cd::store {

class Vault;

struct FamilyMember {
    std::string name;
    std::string relation;    // as the citizen wrote it ("mother", "儿子")
    std::string resident_id; // optional
    friend bool operator==(const FamilyMember&, const FamilyMember&) = default;
};

struct Profile {
    std::string name;
    std::string resident_id;
    std::string phone;        // optional; stored as the bare 11 digits
    std::string address;      // optional
    std::string citizen_card; // optional
    std::vector<FamilyMember> family;
    friend bool operator==(const Profile&, const Profile&) = default;
};

struct FieldProblem {
    std::string field; // "name", "resident_id", "phone", "family.2.resident_id", ...
    Message message;
    friend bool operator==(const FieldProblem&, const FieldProblem&) = default;
};

// Every rule the profile breaks, in field order; empty when it may be saved.
std::vector<FieldProblem> validate_profile(const Profile& profile);

class ProfileRepository {
public:
    explicit ProfileRepository(Vault& vault) : vault_(vault) {}

    // Nothing until the citizen first saves a profile.
    Result<std::optional<Profile>> load();
    // Validates (ErrorKind::validation, the first problem as the message, the field names in
    // the detail), normalises phone and ID, and replaces the stored profile in one transaction.
    Status save(const Profile& profile);

private:
    Vault& vault_;
};

} // namespace cd::store
