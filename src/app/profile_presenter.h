// My profile: the citizen's own details kept in the vault (name, ID number, mobile, address,
// citizen-card number) that application forms are filled from when the citizen agrees. The
// platform only ever shows masked copies, so this is the one place they are typed in full.
// Checked field by field before saving; family members already stored are kept unchanged.
#pragma once

#include "app/app_context.h"
#include "store/profile.h"

#include <string>
#include <vector>

namespace cd::app {

// What the dialog edits: the profile without its family list.
struct ProfileFields {
    std::string name;
    std::string resident_id;
    std::string phone;
    std::string address;
    std::string citizen_card;
};

class ProfileView {
public:
    virtual ~ProfileView() = default;
    virtual void show_profile(const ProfileFields& fields) = 0;
    virtual void show_busy(bool busy) = 0;
    // One message per field ("name", "resident_id", "phone", "address", "citizen_card");
    // every field not named is clear.
    virtual void show_field_problems(const std::vector<store::FieldProblem>& problems) = 0;
    virtual void show_note(const Message& note) = 0; // empty clears
    virtual void saved() = 0;
};

class ProfilePresenter {
public:
    ProfilePresenter(AppContext& context, ProfileView& view);
    void start(); // reads the stored profile (store thread)
    void save(const ProfileFields& fields);
    bool loaded() const { return loaded_; }

private:
    AppContext& context_;
    ProfileView& view_;
    std::vector<store::FamilyMember> family_;
    bool loaded_ = false;
    bool saving_ = false;
    Lifetime lifetime_; // last
};

} // namespace cd::app
