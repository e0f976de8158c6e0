#include "store/profile.h"

#include "store_test_support.h"

#include "catch.hpp"

using namespace cd;
using namespace cd::store;

namespace {

// 11010519491231002X is the standard's own example of a valid number.
Profile valid_profile() {
    return Profile{
        "林小梅",        "11010519491231002x",
        "138-0013-8000", "福州市鼓楼区五四路 1 号",
        "FZ12345678",    {{"林大山", "father", ""}, {"林小雨", "daughter", "11010519491231002X"}}};
}

std::vector<std::string> fields(const std::vector<FieldProblem>& problems) {
    std::vector<std::string> out;
    for (const auto& p : problems) {
        out.push_back(p.field);
    }
    return out;
}

} // namespace

TEST_CASE("validate_profile accepts a complete profile") {
    CHECK(validate_profile(valid_profile()).empty());
}

TEST_CASE("validate_profile names every broken field with its own message") {
    Profile p = valid_profile();
    p.name = "  ";
    p.resident_id = "110105194912310021"; // wrong check character
    p.phone = "12345";
    p.citizen_card = "12/34";
    p.family[0].relation = "";
    p.family[1].resident_id = "11010519491332002X"; // month 13
    const auto problems = validate_profile(p);
    CHECK(fields(problems) == std::vector<std::string>{"name", "resident_id", "phone",
                                                       "citizen_card", "family.0.relation",
                                                       "family.1.resident_id"});
    CHECK(problems[0].message.id == "Please enter your name.");
    CHECK(problems[1].message.id == "The ID number is not valid. Please check each digit.");
    CHECK(problems[5].message.id == "The birth date inside the ID number is not a real date.");

    p = valid_profile();
    p.resident_id = "1101051949";
    CHECK(validate_profile(p).at(0).message.id == "The ID number must have 18 characters.");
}

TEST_CASE("a NUL inside a name is refused, never cut off at it") {
    using namespace std::string_literals;
    Profile p = valid_profile();
    p.name = "林小梅\0管理员"s;
    p.address = "五四路\0"s;
    p.family[0].name = "林\0大山"s;
    p.family[1].relation = "daughter\0"s;
    const auto problems = validate_profile(p);
    CHECK(fields(problems) ==
          std::vector<std::string>{"name", "address", "family.0.name", "family.1.relation"});
    for (const auto& problem : problems) {
        CHECK(problem.message.id == "This text contains a character that cannot be saved.");
    }

    test::OpenVault v;
    ProfileRepository profiles(v.vault);
    auto s = profiles.save(p);
    REQUIRE_FALSE(s.ok());
    CHECK(s.error().kind == ErrorKind::validation);
    CHECK_FALSE((*profiles.load()).has_value());
}

TEST_CASE("ProfileRepository saves, normalises and reloads the profile") {
    test::OpenVault v;
    ProfileRepository profiles(v.vault);
    auto empty = profiles.load();
    REQUIRE(empty.ok());
    CHECK_FALSE(empty->has_value());

    REQUIRE(profiles.save(valid_profile()).ok());
    auto loaded = profiles.load();
    REQUIRE(loaded.ok());
    REQUIRE(loaded->has_value());
    const Profile& p = **loaded;
    CHECK(p.name == "林小梅");
    CHECK(p.resident_id == "11010519491231002X");
    CHECK(p.phone == "13800138000");
    CHECK(p.family.size() == 2);
    CHECK(p.family[1].name == "林小雨");

    // A smaller family replaces the old one entirely.
    Profile fewer = valid_profile();
    fewer.family.pop_back();
    REQUIRE(profiles.save(fewer).ok());
    CHECK((*profiles.load())->family.size() == 1);
}

TEST_CASE("ProfileRepository refuses an invalid profile and keeps the stored one") {
    test::OpenVault v;
    ProfileRepository profiles(v.vault);
    REQUIRE(profiles.save(valid_profile()).ok());
    Profile bad = valid_profile();
    bad.phone = "999";
    auto s = profiles.save(bad);
    REQUIRE_FALSE(s.ok());
    CHECK(s.error().kind == ErrorKind::validation);
    CHECK(s.error().detail.find("phone") != std::string::npos);
    CHECK(s.error().detail.find("999") == std::string::npos); // field names, never values
    CHECK((*profiles.load())->phone == "13800138000");
}

TEST_CASE("Repositories answer a locked vault with an auth error") {
    test::OpenVault v;
    v.vault.lock();
    ProfileRepository profiles(v.vault);
    CHECK(profiles.load().error().kind == ErrorKind::auth);
    CHECK(profiles.save(valid_profile()).error().kind == ErrorKind::auth);
}
