#include "catch.hpp"

#include "app/bills_presenter.h"
#include "application_test_support.h"
#include "core/reference_number.h"
#include "payment_fixture.h"
#include "store/outbox.h"
#include "store/preferences.h"
#include "store/profile.h"

#include <filesystem>
#include <fstream>
#include <future>

using namespace cd;
using namespace cd::app;
using namespace cd::test;

namespace {

api::FormField field(const std::string& type, bool required = true) {
    api::FormField f;
    f.name = "f";
    f.type = type;
    f.required = required;
    return f;
}

std::int64_t outbox_count(AppTestContext& t) {
    return t.vault->run_and_wait([](store::Vault& v) { return *store::Outbox(v).count(); });
}

std::optional<std::string> preference(AppTestContext& t, const std::string& key) {
    return t.vault->run_and_wait(
        [key](store::Vault& v) { return *store::Preferences(v).get(key); });
}

std::vector<api::Application> platform_applications(AppTestContext& t) {
    std::promise<Result<std::vector<api::Application>>> answer;
    t.client->applications(
        [&](Result<std::vector<api::Application>> r) { answer.set_value(std::move(r)); });
    auto r = answer.get_future().get();
    REQUIRE(r.ok());
    return *r;
}

std::string label_of(const FakeFormView& view, const std::string& name) {
    for (const auto& f : view.fields) {
        if (f.name == name) {
            return f.label;
        }
    }
    FAIL("no field " << name);
    return {};
}

} // namespace

TEST_CASE("a date the form means in the future refuses the days before today", "[app][ui-logic]") {
    auto future = field("date", false);
    future.not_before_today = true;
    const std::string today = "2026-11-28";
    CHECK(check_field(future, "2026-11-27", today).id ==
          "This date has passed. Choose {0} or a later day.");
    CHECK(check_field(future, "2026-11-27", today).args == std::vector<std::string>{today});
    CHECK(check_field(future, "2025-12-31", today).id ==
          "This date has passed. Choose {0} or a later day.");
    CHECK(check_field(future, "2026-11-28", today).empty());
    CHECK(check_field(future, "2027-01-05", today).empty());
    CHECK(check_field(future, "", today).empty()); // optional stays optional
    // Any other date field (a birth date) takes the past.
    CHECK(check_field(field("date"), "1949-12-31", today).empty());
}

TEST_CASE("the platform's completion date is checked against the citizen's today",
          "[app][ui-logic]") {
    AppTestContext t;
    t.sign_in();
    FakeFormView view;
    ApplicationFormPresenter p(*t.context, view, online_service);
    p.start();
    REQUIRE(t.ui.run_until([&] { return p.loaded(); }));
    p.set_value("preferred_date", "2001-01-01");
    REQUIRE(p.problems().count("preferred_date") == 1);
    CHECK(p.problems().at("preferred_date").id ==
          "This date has passed. Choose {0} or a later day.");
    CHECK(p.problems().at("preferred_date").args.at(0) == local_date(t.context->now()));
    p.set_value("preferred_date", "2999-01-01");
    CHECK(p.problems().count("preferred_date") == 0);
}

TEST_CASE("each field type of the form schema has its rule and its message", "[app][ui-logic]") {
    auto text = field("text");
    text.min_length = 2;
    text.max_length = 4;
    auto number = field("number");
    number.min = 1;
    number.max = 5;
    auto choice = field("select");
    choice.options = {{"pickup", {}}, {"post", {}}};
    auto multi = field("multiselect");
    multi.options = {{"a", {}}, {"b", {}}};
    const auto optional_date = field("date", false);

    struct Row {
        api::FormField field;
        std::string value;
        std::string expected; // message id, "" = valid
    };
    const std::vector<Row> table{
        {text, "", "This field is required."},
        {text, "   ", "This field is required."},
        {text, "张", "Enter at least {0} characters."},
        {text, "张明", ""},
        {text, "张明明明", ""}, // four characters, twelve bytes
        {text, "张明明明明", "Enter at most {0} characters."},
        {number, "3", ""},
        {number, "0", "Enter a number from {0} to {1}."},
        {number, "6", "Enter a number from {0} to {1}."},
        {number, "2.5", "Enter a whole number."},
        {number, "two", "Enter a whole number."},
        {field("date"), "2026-02-28", ""},
        {field("date"), "2028-02-29", ""},
        {field("date"), "2026-02-29", "Enter a date as YYYY-MM-DD."},
        {field("date"), "2026/12/01", "Enter a date as YYYY-MM-DD."},
        {field("date"), "2026-13-01", "Enter a date as YYYY-MM-DD."},
        {optional_date, "", ""},
        {choice, "post", ""},
        {choice, "drone", "Choose one of the options."},
        {multi, "a\nb", ""},
        {multi, "a\nz", "Choose only from the options."},
        {multi, "", "This field is required."},
        {field("resident_id"), "11010519491231002X", ""},
        {field("resident_id"), "110105194912310021",
         "This is not a valid resident ID number (18 characters, the last one a check digit or "
         "X)."},
        {field("resident_id"), "1101051949",
         "This is not a valid resident ID number (18 "
         "characters, the last one a check digit or X)."},
        {field("phone"), "13800000000", ""},
        {field("phone"), "+86 138 0000 0000", ""},
        {field("phone"), "12345",
         "This is not a valid mobile number (11 digits, starting with 1)."},
        {field("phone"), "23800000000",
         "This is not a valid mobile number (11 digits, starting with 1)."},
        // A NUL is refused, not cut off at (the text would end there in wx and the platform).
        {text, std::string("张明\0X", 8), "This text contains a character that cannot be saved."},
        {field("textarea"), std::string("a\0", 2),
         "This text contains a character that cannot be saved."},
    };
    for (const auto& row : table) {
        INFO(row.field.type << " '" << row.value << "'");
        CHECK(check_field(row.field, row.value, "2026-01-01").id == row.expected);
    }
    CHECK(check_field(number, "0", "2026-01-01").args == std::vector<std::string>{"1", "5"});

    api::OnlineForm form;
    form.max_attachments = 2;
    form.max_attachment_bytes = 5 * 1024 * 1024;
    CHECK(check_attachment(form, "scan.PDF", 1000, 0).empty());
    CHECK(check_attachment(form, "photo.jpeg", 1000, 1).empty());
    CHECK(check_attachment(form, "photo.png", 1000, 2).id ==
          "At most {0} attachments can be added.");
    CHECK(check_attachment(form, "notes.docx", 1000, 0).id ==
          "Only PDF, JPEG and PNG files can be attached.");
    CHECK(check_attachment(form, "big.pdf", 5 * 1024 * 1024 + 1, 0).id ==
          "The file is larger than {0} MB.");
    CHECK(check_attachment(form, "empty.pdf", 0, 0).id == "The file is empty.");

    // Numbers travel as numbers, multi-choice as arrays, empty optional fields not at all.
    number.name = "copies";
    multi.name = "topics";
    auto when = optional_date;
    when.name = "when";
    CHECK(form_values_json({number, multi, when},
                           {{"copies", "3"}, {"topics", "a\nb"}, {"when", ""}}) ==
          R"({"copies":3,"topics":["a","b"]})");
}

TEST_CASE("the fields a 422 answer names get the server's words", "[app][ui-logic]") {
    api::FormField phone = field("phone");
    phone.name = "phone";
    api::FormField name = field("text");
    name.name = "applicant_name";
    Error e = make_error(ErrorKind::validation, "422");
    e.field_errors = {
        {"phone", "This field is required."}, {"unknown", "x"}, {"applicant_name", ""}};
    auto problems = field_problems_from({phone, name}, e);
    REQUIRE(problems.size() == 2);
    CHECK(problems["phone"].id == "This field is required.");
    CHECK(problems["applicant_name"].id == "The platform did not accept this field.");
}

TEST_CASE("the form is checked as the citizen types, and prefilled only after consent",
          "[app][ui-logic]") {
    AppTestContext t;
    t.sign_in();
    store::Profile profile;
    profile.name = "张明";
    profile.resident_id = "11010519491231002X";
    profile.phone = "13800000000";
    profile.address = "翠苑三区12幢";
    REQUIRE(t.vault
                ->run_and_wait(
                    [&](store::Vault& v) { return store::ProfileRepository(v).save(profile); })
                .ok());

    FakeFormView view;
    ApplicationFormPresenter p(*t.context, view, online_service);
    p.start();
    REQUIRE(t.ui.run_until([&] { return p.loaded(); }));
    REQUIRE(view.fields.size() >= 5);
    CHECK(view.fields[0].name == "applicant_name");
    CHECK(view.attachments_allowed);
    t.ui.drain();

    // Before consent nothing of the profile is on the form.
    CHECK(view.shown_values.empty());
    CHECK(p.values().empty());

    p.set_value("phone", "1380000");
    CHECK(view.problems["phone"].id ==
          "This is not a valid mobile number (11 digits, starting with 1).");
    p.set_value("phone", "");
    CHECK(view.problems["phone"].id == "This field is required.");
    p.set_value("applicant_name", "李华");

    p.consent_to_prefill();
    REQUIRE(t.ui.run_until([&] { return view.shown_values.count("resident_id") > 0; }));
    CHECK(view.shown_values["resident_id"] == "11010519491231002X");
    CHECK(view.shown_values["phone"] == "13800000000");
    CHECK(view.shown_values["address"] == "翠苑三区12幢");
    // Asked before the typed name was replaced, and the citizen said no: it is kept.
    REQUIRE(view.asked_to_replace.size() == 1);
    CHECK(view.asked_to_replace[0] == std::vector<std::string>{label_of(view, "applicant_name")});
    CHECK(p.values().at("applicant_name") == "李华");
    CHECK(view.shown_values.count("applicant_name") == 0);
    CHECK(view.problems["phone"].empty());
    // The note names the fields that were filled, and only those.
    CHECK(view.note.id == "Filled in from your profile: {0}. Check the details before you submit.");
    const std::string filled = view.note.args.at(0);
    CHECK(filled.find(label_of(view, "resident_id")) != std::string::npos);
    CHECK(filled.find(label_of(view, "phone")) != std::string::npos);
    CHECK(filled.find(label_of(view, "address")) != std::string::npos);
    CHECK(filled.find(label_of(view, "applicant_name")) == std::string::npos);
}

TEST_CASE("fill in from my profile replaces typed text only when the citizen agrees",
          "[app][ui-logic]") {
    AppTestContext t;
    t.sign_in();
    store::Profile profile;
    profile.name = "张明";
    profile.resident_id = "11010519491231002X";
    profile.phone = "13800000000";
    REQUIRE(t.vault
                ->run_and_wait(
                    [&](store::Vault& v) { return store::ProfileRepository(v).save(profile); })
                .ok());
    FakeFormView view;
    view.replace_answer = true;
    ApplicationFormPresenter p(*t.context, view, online_service);
    p.start();
    REQUIRE(t.ui.run_until([&] { return p.loaded(); }));
    p.set_value("applicant_name", "李华");
    p.set_value("phone", "13800000000"); // the same as the profile: nothing to ask about
    p.set_value("resident_id", "11010519491231002X");
    p.consent_to_prefill();
    REQUIRE(t.ui.run_until([&] { return !view.note.empty(); }));
    REQUIRE(view.asked_to_replace.size() == 1);
    CHECK(view.asked_to_replace[0] == std::vector<std::string>{label_of(view, "applicant_name")});
    CHECK(p.values().at("applicant_name") == "张明");
    CHECK(view.shown_values["applicant_name"] == "张明");
    CHECK(view.note.args.at(0) == label_of(view, "applicant_name"));

    // A profile with nothing new for the form changes nothing, and says so.
    FakeFormView same;
    ApplicationFormPresenter again(*t.context, same, online_service);
    again.start();
    REQUIRE(t.ui.run_until([&] { return again.loaded(); }));
    t.ui.drain(); // the draft of the first form is restored first
    again.set_value("applicant_name", "张明");
    again.set_value("phone", "13800000000");
    again.set_value("resident_id", "11010519491231002X");
    same.note = {};
    again.consent_to_prefill();
    REQUIRE(t.ui.run_until([&] { return !same.note.empty(); }));
    CHECK(same.asked_to_replace.empty());
    CHECK(same.note.id ==
          "Nothing was changed: the form already holds your details or what you typed.");
}

TEST_CASE("a half-filled form comes back when the form is opened again", "[app][ui-logic]") {
    AppTestContext t;
    t.sign_in();
    {
        FakeFormView view;
        ApplicationFormPresenter p(*t.context, view, online_service);
        p.start();
        REQUIRE(t.ui.run_until([&] { return p.loaded(); }));
        p.set_value("applicant_name", "张明");
        p.set_value("notes", "请尽快办理");
        CHECK(p.draft_dirty());
    } // closed without submitting: the draft is written on the way out
    t.ui.drain();
    auto draft = preference(t, draft_key(online_service, t.data.citizen_id()));
    REQUIRE(draft);
    CHECK(draft->find("请尽快办理") != std::string::npos);

    FakeFormView view;
    ApplicationFormPresenter again(*t.context, view, online_service);
    again.start();
    REQUIRE(t.ui.run_until([&] { return view.shown_values.count("notes") > 0; }));
    CHECK(view.shown_values["applicant_name"] == "张明");
    CHECK(view.shown_values["notes"] == "请尽快办理");
    CHECK(again.values().at("notes") == "请尽快办理");
    CHECK(view.note.id == "Your unfinished form was restored.");

    // Submitted: the draft is gone.
    fill_valid_form(again);
    again.submit();
    REQUIRE(t.ui.run_until([&] { return view.submitted.has_value(); }));
    CHECK(view.submitted->id == "Your application was submitted. Its number is {0}.");
    t.ui.drain();
    CHECK_FALSE(preference(t, draft_key(online_service, t.data.citizen_id())));
    REQUIRE(platform_applications(t).size() == 1);
    CHECK(view.submitted->args.at(0) == readable_reference(platform_applications(t)[0].id));
    CHECK(view.submitted->args.at(0).find(' ') != std::string::npos);
}

TEST_CASE("a draft keeps its attachments, and one deleted meanwhile is named and left out",
          "[app][ui-logic]") {
    AppTestContext t;
    t.sign_in();
    const auto kept = (t.dir.path() / "scan.pdf").string();
    std::ofstream(kept, std::ios::binary) << "%PDF-1.4 a scan";
    const auto gone = (t.dir.path() / "photo.png").string();
    std::ofstream(gone, std::ios::binary) << "\x89PNG";
    {
        FakeFormView view;
        ApplicationFormPresenter p(*t.context, view, online_service);
        p.start();
        REQUIRE(t.ui.run_until([&] { return p.loaded(); }));
        p.set_value("applicant_name", "张明");
        p.add_attachment(kept);
        REQUIRE(t.ui.run_until([&] { return p.attachment_count() == 1; }));
        p.add_attachment(gone);
        REQUIRE(t.ui.run_until([&] { return p.attachment_count() == 2; }));
    } // closed: values and file paths go to the vault
    t.ui.drain();
    auto files = preference(t, draft_files_key(online_service, t.data.citizen_id()));
    REQUIRE(files);
    CHECK(files->find("scan.pdf") != std::string::npos);
    std::filesystem::remove(gone);

    FakeFormView view;
    ApplicationFormPresenter again(*t.context, view, online_service);
    again.start();
    REQUIRE(t.ui.run_until([&] { return view.attachments.size() == 1; }));
    CHECK(view.attachments[0].filename == "scan.pdf");
    REQUIRE(t.ui.run_until([&] { return !view.note.args.empty(); }));
    CHECK(view.note.id == "The file {0} could not be read. It may have been moved or deleted.");
    CHECK(view.note.args.at(0) == "photo.png");
    CHECK(again.values().at("applicant_name") == "张明");

    fill_valid_form(again);
    again.submit();
    REQUIRE(t.ui.run_until([&] { return view.submitted.has_value(); }));
    t.ui.drain();
    CHECK_FALSE(preference(t, draft_files_key(online_service, t.data.citizen_id())));
    auto apps = platform_applications(t);
    REQUIRE(apps.size() == 1);
    REQUIRE(apps[0].attachments.size() == 1);
    CHECK(apps[0].attachments[0].name == "scan.pdf");
}

TEST_CASE("an incomplete form is not sent and says which fields need attention",
          "[app][ui-logic]") {
    AppTestContext t;
    t.sign_in();
    FakeFormView view;
    ApplicationFormPresenter p(*t.context, view, online_service);
    p.start();
    REQUIRE(t.ui.run_until([&] { return p.loaded(); }));
    p.set_value("applicant_name", "张明");
    p.submit();
    CHECK_FALSE(p.submitting());
    CHECK(view.note.id == "Some fields need your attention.");
    CHECK(view.problems["resident_id"].id == "This field is required.");
    CHECK(view.problems["applicant_name"].empty());
    CHECK(view.problems["notes"].empty()); // optional
}

TEST_CASE("an attachment is read off the UI thread and checked for type and size",
          "[app][ui-logic]") {
    AppTestContext t;
    t.sign_in();
    const auto pdf = (t.dir.path() / "scan.pdf").string();
    std::ofstream(pdf, std::ios::binary) << "%PDF-1.4 a scan";
    const auto doc = (t.dir.path() / "letter.docx").string();
    std::ofstream(doc, std::ios::binary) << "PK";

    FakeFormView view;
    ApplicationFormPresenter p(*t.context, view, online_service);
    p.start();
    REQUIRE(t.ui.run_until([&] { return p.loaded(); }));
    p.add_attachment(doc);
    CHECK(view.note.id == "Only PDF, JPEG and PNG files can be attached.");
    p.add_attachment((t.dir.path() / "missing.pdf").string());
    REQUIRE(t.ui.run_until([&] {
        return view.note.id == "The file {0} could not be read. It may have been moved or deleted.";
    }));
    CHECK(view.note.args.at(0) == "missing.pdf");
    p.add_attachment(pdf);
    REQUIRE(t.ui.run_until([&] { return view.attachments.size() == 1; }));
    CHECK(view.attachments[0].filename == "scan.pdf");
    CHECK(view.attachments[0].content_type == "application/pdf");
    CHECK(view.attachments[0].size == 15);

    fill_valid_form(p);
    p.submit();
    REQUIRE(t.ui.run_until([&] { return view.submitted.has_value(); }));
    auto apps = platform_applications(t);
    REQUIRE(apps.size() == 1);
    REQUIRE(apps[0].attachments.size() == 1);
    CHECK(apps[0].attachments[0].name == "scan.pdf");
}

TEST_CASE("an application sent while the platform is unreachable waits in the outbox and is "
          "delivered when it is back",
          "[app][ui-logic]") {
    AppTestContext t;
    t.sign_in();
    SwitchablePlatformAccess platform(*t.platform);
    AppContext context{t.ui, t.worker, platform, *t.vault, t.events, t.data, t.notifier, *t.outbox};
    context.now = [&t] {
        return t.context->now();
    };

    FakeFormView view;
    ApplicationFormPresenter p(context, view, online_service);
    p.start();
    REQUIRE(t.ui.run_until([&] { return p.loaded(); }));
    fill_valid_form(p);

    platform.reachable = false;
    p.submit();
    REQUIRE(t.ui.run_until([&] { return view.submitted.has_value(); }));
    CHECK(view.submitted->id ==
          "The platform cannot be reached. Your application is saved and will be sent when it "
          "can.");
    REQUIRE(t.ui.run_until([&] { return !t.outbox->flushing(); }));
    t.ui.drain();
    CHECK(outbox_count(t) == 1);
    CHECK(platform_applications(t).empty());

    // Back online, after the outbox's backoff: it is sent, once.
    platform.reachable = true;
    t.context->now = [] {
        return std::chrono::system_clock::now() + std::chrono::hours(1);
    };
    t.data.set_connection(ConnectionState::online);
    REQUIRE(t.ui.run_until([&] { return outbox_count(t) == 0; }));
    auto apps = platform_applications(t);
    REQUIRE(apps.size() == 1);
    CHECK(apps[0].service_id == online_service);
    CHECK(apps[0].form_json.find("11010519491231002X") != std::string::npos);
}

TEST_CASE("while the app knows it is offline a submission goes straight to the outbox",
          "[app][ui-logic]") {
    AppTestContext t;
    t.sign_in();
    FakeFormView view;
    ApplicationFormPresenter p(*t.context, view, online_service);
    p.start();
    REQUIRE(t.ui.run_until([&] { return p.loaded(); }));
    fill_valid_form(p);
    t.data.set_connection(ConnectionState::offline);
    p.submit();
    REQUIRE(t.ui.run_until([&] { return view.submitted.has_value(); }));
    CHECK(view.submitted->id == "You are offline. Your application is saved and will be sent "
                                "when the platform can be reached.");
    // The platform was in fact there: the flush that follows the queueing delivers it.
    REQUIRE(t.ui.run_until([&] { return outbox_count(t) == 0; }));
    CHECK(platform_applications(t).size() == 1);
}

TEST_CASE("an application whose answer was lost is filed once when the outbox sends it again",
          "[app][ui-logic]") {
    // A client that gives up after 400 ms, and a platform that takes 700 ms: the platform files
    // the application after the app stopped listening. The outbox's later attempt carries the
    // same Idempotency-Key, so the platform answers it from its record instead of filing again.
    PaymentBench b;
    b.faults({boost::json::object{{"path_prefix", "/v1/applications"},
                                  {"method", "POST"},
                                  {"fault", "latency"},
                                  {"latency_ms", 700}}});
    FakeFormView view;
    ApplicationFormPresenter p(*b.context, view, online_service);
    p.start();
    REQUIRE(b.t.ui.run_until([&] { return p.loaded(); }, std::chrono::seconds(20)));
    fill_valid_form(p);
    p.submit();
    REQUIRE(b.t.ui.run_until([&] { return view.submitted.has_value(); }, std::chrono::seconds(20)));
    CHECK(view.submitted->id ==
          "The platform cannot be reached. Your application is saved and will be sent when it "
          "can.");
    REQUIRE(b.t.ui.run_until([&] { return !b.t.outbox->flushing(); }, std::chrono::seconds(20)));
    b.t.ui.drain();

    b.clear_faults();
    REQUIRE(b.platform_idle());                      // the slow attempts have landed
    REQUIRE(platform_applications(b.t).size() == 1); // filed, answer lost
    b.t.context->now = [] {
        return std::chrono::system_clock::now() + std::chrono::hours(1);
    };
    b.t.data.set_connection(ConnectionState::online);
    REQUIRE(b.t.ui.run_until([&] { return outbox_count(b.t) == 0; }, std::chrono::seconds(20)));
    CHECK(platform_applications(b.t).size() == 1); // delivered from the record, not filed again
}

TEST_CASE("a citizen's unfinished form is never restored for another citizen on the vault",
          "[app][ui-logic]") {
    AppTestContext t;
    t.sign_in();
    {
        FakeFormView view;
        ApplicationFormPresenter p(*t.context, view, online_service);
        p.start();
        REQUIRE(t.ui.run_until([&] { return p.loaded(); }));
        p.set_value("notes", "A's own notes");
    } // closed: A's draft is kept
    t.ui.drain();
    REQUIRE(preference(t, draft_key(online_service, "P0001")));

    t.client->forget_session();
    t.data.set_signed_out();
    t.sign_in(cd::server::second_demo_phone);
    FakeFormView view;
    ApplicationFormPresenter b(*t.context, view, online_service);
    b.start();
    REQUIRE(t.ui.run_until([&] { return b.loaded(); }));
    t.ui.drain();
    CHECK(view.shown_values.count("notes") == 0);
    CHECK(view.note.id != "Your unfinished form was restored.");
    CHECK((b.values().count("notes") == 0 || b.values().at("notes").empty()));
}
