#include "app/profile_presenter.h"

#include "diag/log.h"

#include <optional>

namespace cd::app {

ProfilePresenter::ProfilePresenter(AppContext& context, ProfileView& view)
    : context_(context), view_(view) {}

void ProfilePresenter::start() {
    if (!context_.vault.unlocked()) {
        view_.show_note(msg(N_("Unlock your data first: your profile is kept in it.")));
        return;
    }
    view_.show_busy(true);
    context_.vault.run<std::optional<store::Profile>>(
        [](store::Vault& v) { return store::ProfileRepository(v).load(); },
        lifetime_.guard([this](Result<std::optional<store::Profile>> r) {
            view_.show_busy(false);
            if (!r.ok()) {
                diag::warn(diag::Category::app, "profile not read: ", r.error().log_line());
                view_.show_note(r.error().user_message);
                return;
            }
            loaded_ = true;
            if (!*r) {
                view_.show_note(msg(N_("Nothing is stored yet. What you enter here stays "
                                       "encrypted on this computer.")));
                view_.show_profile({});
                return;
            }
            const store::Profile& p = **r;
            family_ = p.family;
            view_.show_profile({p.name, p.resident_id, p.phone, p.address, p.citizen_card});
        }));
}

void ProfilePresenter::save(const ProfileFields& fields) {
    if (!loaded_ || saving_) {
        return; // never overwrite a profile that could not be read
    }
    store::Profile profile{fields.name,    fields.resident_id,  fields.phone,
                           fields.address, fields.citizen_card, family_};
    const auto problems = store::validate_profile(profile);
    view_.show_field_problems(problems);
    if (!problems.empty()) {
        view_.show_note(msg(N_("Please correct the marked fields.")));
        return;
    }
    saving_ = true;
    view_.show_busy(true);
    view_.show_note({});
    context_.vault.run<Done>(
        [profile = std::move(profile)](store::Vault& v) {
            return store::ProfileRepository(v).save(profile);
        },
        lifetime_.guard([this](Result<Done> r) {
            saving_ = false;
            view_.show_busy(false);
            if (!r.ok()) {
                diag::warn(diag::Category::app, "profile not saved: ", r.error().log_line());
                view_.show_note(r.error().user_message);
                return;
            }
            diag::info(diag::Category::app, "profile saved");
            view_.saved();
        }));
}

} // namespace cd::app
