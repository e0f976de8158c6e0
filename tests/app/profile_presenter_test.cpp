// My profile: read from and written to a real vault, checked field by field, and then used by
// an application form's prefill.
#include "catch.hpp"

#include "app/profile_presenter.h"
#include "application_test_support.h"

using namespace cd;
using namespace cd::app;
using namespace cd::test;

namespace {

struct FakeProfileView : ProfileView {
    std::optional<ProfileFields> shown;
    std::vector<store::FieldProblem> problems;
    Message note;
    bool busy = false;
    int saves = 0;

    void show_profile(const ProfileFields& f) override { shown = f; }
    void show_busy(bool b) override { busy = b; }
    void show_field_problems(const std::vector<store::FieldProblem>& p) override { problems = p; }
    void show_note(const Message& n) override { note = n; }
    void saved() override { ++saves; }
};

std::optional<store::Profile> stored(AppTestContext& t) {
    auto r =
        t.vault->run_and_wait([](store::Vault& v) { return store::ProfileRepository(v).load(); });
    REQUIRE(r.ok());
    return *r;
}

} // namespace

TEST_CASE("a profile with a wrong ID number is not saved and the field says why",
          "[app][ui-logic]") {
    AppTestContext t(AppTestContext::Options{.server = {}, .start_platform = false});
    FakeProfileView view;
    ProfilePresenter p(*t.context, view);
    p.start();
    REQUIRE(t.ui.run_until([&] { return p.loaded(); }));
    REQUIRE(view.shown);
    CHECK(view.shown->name.empty());
    CHECK(view.note.id == "Nothing is stored yet. What you enter here stays encrypted on this "
                          "computer.");

    // The last digit of a valid number changed: the check digit no longer matches.
    p.save({"张明", "110105194912310021", "13800000000", "", ""});
    REQUIRE(view.problems.size() == 1);
    CHECK(view.problems[0].field == "resident_id");
    CHECK(view.problems[0].message.id == "The ID number is not valid. Please check each digit.");
    t.ui.drain();
    CHECK(view.saves == 0);
    CHECK_FALSE(stored(t));

    p.save({"", "11010519491231002X", "1380000", "", ""});
    REQUIRE(view.problems.size() == 2);
    CHECK(view.problems[0].field == "name");
    CHECK(view.problems[1].field == "phone");
    CHECK_FALSE(stored(t));
}

TEST_CASE("a saved profile comes back, keeps its family and fills an application form",
          "[app][ui-logic]") {
    AppTestContext t;
    t.sign_in();
    store::Profile before;
    before.name = "旧名";
    before.resident_id = "11010519491231002X";
    before.family = {{"张小明", "儿子", ""}};
    REQUIRE(t.vault
                ->run_and_wait(
                    [&](store::Vault& v) { return store::ProfileRepository(v).save(before); })
                .ok());

    FakeProfileView view;
    {
        ProfilePresenter p(*t.context, view);
        p.start();
        REQUIRE(t.ui.run_until([&] { return p.loaded(); }));
        REQUIRE(view.shown);
        CHECK(view.shown->name == "旧名");
        CHECK(view.shown->resident_id == "11010519491231002X");
        p.save({"张明", "11010519491231002x", "138 0000 0000", "翠苑三区12幢", ""});
        CHECK(view.problems.empty());
        REQUIRE(t.ui.run_until([&] { return view.saves == 1; }));
    }
    const auto after = stored(t);
    REQUIRE(after);
    CHECK(after->name == "张明");
    CHECK(after->resident_id == "11010519491231002X"); // normalised by the store
    CHECK(after->phone == "13800000000");
    CHECK(after->address == "翠苑三区12幢");
    REQUIRE(after->family.size() == 1); // the dialog does not edit family: they stay
    CHECK(after->family[0].name == "张小明");

    FakeFormView form_view;
    ApplicationFormPresenter form(*t.context, form_view, online_service);
    form.start();
    REQUIRE(t.ui.run_until([&] { return form.loaded(); }));
    form.consent_to_prefill();
    REQUIRE(t.ui.run_until([&] { return form_view.shown_values.count("address") > 0; }));
    CHECK(form_view.shown_values["applicant_name"] == "张明");
    CHECK(form_view.shown_values["resident_id"] == "11010519491231002X");
    CHECK(form_view.shown_values["phone"] == "13800000000");
    CHECK(form_view.shown_values["address"] == "翠苑三区12幢");
}

TEST_CASE("with the vault locked the profile says to unlock and saves nothing", "[app][ui-logic]") {
    AppTestContext t(
        AppTestContext::Options{.server = {}, .start_platform = false, .unlock_vault = false});
    FakeProfileView view;
    ProfilePresenter p(*t.context, view);
    p.start();
    CHECK(view.note.id == "Unlock your data first: your profile is kept in it.");
    CHECK_FALSE(p.loaded());
    p.save({"张明", "11010519491231002X", "13800000000", "", ""});
    t.ui.drain();
    CHECK(view.saves == 0);
    CHECK_FALSE(view.shown);
}
