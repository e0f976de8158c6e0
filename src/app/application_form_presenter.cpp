#include "app/application_form_presenter.h"

#include "app/bills_presenter.h"
#include "app/idempotency_key.h"
#include "app/kept_service_guide.h"
#include "core/path_text.h"
#include "core/reference_number.h"
#include "diag/log.h"
#include "store/outbox.h"
#include "store/preferences.h"
#include "store/profile.h"
#include "store/vault_citizens.h"

#include <boost/json.hpp>

#include <filesystem>
#include <fstream>
#include <iterator>

namespace cd::app {
namespace {

namespace json = boost::json;

// What reached the platform's door but not the platform: worth queueing for later.
bool unreachable(const Error& e) {
    return e.kind == ErrorKind::network || e.kind == ErrorKind::timeout ||
           (e.kind == ErrorKind::http_status && e.retryable);
}

std::string filename_of(const std::string& path) {
    return path_to_utf8(path_from_utf8(path).filename());
}

Result<std::string> read_file(const std::string& path) {
    std::ifstream in(path_from_utf8(path), std::ios::binary);
    if (!in) {
        Error e = make_error(ErrorKind::storage, "attachment not readable");
        e.user_message = msg(N_("The file {0} could not be read. It may have been moved or "
                                "deleted."),
                             {filename_of(path)});
        return e;
    }
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

std::vector<std::string> paths_from_json(const std::string& text) {
    json::error_code ec;
    auto v = json::parse(text, ec);
    std::vector<std::string> out;
    if (const json::array* a = ec ? nullptr : v.if_array()) {
        for (const auto& item : *a) {
            if (item.is_string()) {
                out.emplace_back(item.as_string());
            }
        }
    }
    return out;
}

// The outbox payload: the service and the form values; attachments travel as file paths.
std::string outbox_payload(const api::NewApplication& a, const std::string& service_name) {
    json::error_code ec;
    auto form = json::parse(a.form_json, ec);
    return json::serialize(json::object{{"service_id", a.service_id},
                                        {"service_name", service_name},
                                        {"form", ec ? json::value(json::object{}) : form},
                                        {"idempotency_key", a.idempotency_key}});
}

Result<api::NewApplication> from_outbox(const store::OutboxItem& item) {
    json::error_code ec;
    auto v = json::parse(item.payload, ec);
    const json::object* o = ec ? nullptr : v.if_object();
    const json::value* id = o ? o->if_contains("service_id") : nullptr;
    const json::value* form = o ? o->if_contains("form") : nullptr;
    if (!id || !id->is_string() || !form || !form->is_object()) {
        return make_error(ErrorKind::validation, "queued application unreadable");
    }
    api::NewApplication a;
    a.service_id = std::string(id->as_string());
    a.form_json = json::serialize(*form);
    if (const json::value* key = o->if_contains("idempotency_key"); key && key->is_string()) {
        a.idempotency_key = std::string(key->as_string());
    }
    for (const auto& path : item.attachments) {
        auto content = read_file(path);
        if (!content.ok()) {
            return content.error();
        }
        a.attachments.push_back({filename_of(path),
                                 attachment_content_type(path).value_or("application/octet-stream"),
                                 std::move(*content)});
    }
    return a;
}

} // namespace

std::string application_service_of(const store::OutboxItem& item) {
    json::error_code ec;
    auto v = json::parse(item.payload, ec);
    const json::object* o = ec ? nullptr : v.if_object();
    const json::value* id = o ? o->if_contains("service_id") : nullptr;
    return id && id->is_string() ? std::string(id->as_string()) : std::string();
}

std::string draft_key(const std::string& service_id, const std::string& citizen_id) {
    return citizen_id.empty() ? "draft.application." + service_id
                              : "draft.application." + citizen_id + "." + service_id;
}

std::string draft_files_key(const std::string& service_id, const std::string& citizen_id) {
    return draft_key(service_id, citizen_id) + ".files";
}

void install_application_deliverer(AppContext& context) {
    context.outbox.set_deliverer(
        application_outbox_kind,
        [&context](const store::OutboxItem& item, std::function<void(Result<std::string>)> done) {
            context.worker.run([&context, item, done] {
                auto application = from_outbox(item);
                if (!application.ok()) {
                    done(application.error());
                    return;
                }
                context.platform.acquire([application = std::move(*application),
                                          done](Result<PlatformAccess::Client> client) {
                    if (!client.ok()) {
                        done(client.error());
                        return;
                    }
                    (*client)->submit_application(application, [done](Result<api::Application> r) {
                        if (r.ok()) {
                            done(r->id);
                            return;
                        }
                        Error e = r.error();
                        // The platform's own words per field say what to correct.
                        std::string words;
                        for (const auto& f : e.field_errors) {
                            words += (words.empty() ? "" : "; ") + f.field +
                                     (f.message.empty() ? "" : ": " + f.message);
                        }
                        if (!words.empty()) {
                            e.user_message = msg(
                                N_("The platform did not accept the application: {0}"), {words});
                        }
                        done(e);
                    });
                });
            });
        });
}

ApplicationFormPresenter::ApplicationFormPresenter(AppContext& context, ApplicationFormView& view,
                                                   std::string service_id)
    : context_(context), view_(view), service_id_(std::move(service_id)) {
    install_application_deliverer(context_);
}

ApplicationFormPresenter::~ApplicationFormPresenter() {
    flush_draft();
}

void ApplicationFormPresenter::start() {
    view_.show_busy(true);
    const std::string id = service_id_;
    // The guide kept in the vault when the platform cannot be reached: the form is complete
    // offline, and what is submitted waits in the outbox.
    kept_service_guide(context_, id,
                       lifetime_.guard([this](Result<KeptGuide> r) { on_guide(std::move(r)); }));
}

void ApplicationFormPresenter::on_guide(Result<KeptGuide> result) {
    view_.show_busy(false);
    if (!result.ok()) {
        view_.show_note(result.error().kind == ErrorKind::network ||
                                result.error().kind == ErrorKind::timeout
                            ? msg(N_("The platform cannot be reached, so the form cannot be "
                                     "shown. Try again when you are online."))
                            : result.error().message_for_user());
        return;
    }
    const auto& guide = result->guide;
    kept_note_ = kept_form_note(*result, context_.now());
    if (guide.form.fields.empty()) {
        view_.show_note(msg(N_("This service cannot be applied for online. See the guide for the "
                               "halls that handle it.")));
        return;
    }
    service_name_ = localized(guide.service.name, context_.chinese);
    form_ = guide.form;
    std::vector<FormFieldRow> rows;
    for (const auto& f : form_->fields) {
        FormFieldRow row{
            f.name, localized(f.label, context_.chinese), field_kind(f.type), f.required, {}};
        for (const auto& o : f.options) {
            row.options.emplace_back(o.value, localized(o.label, context_.chinese));
        }
        rows.push_back(std::move(row));
    }
    view_.show_form(service_name_, rows, form_->max_attachments > 0);
    view_.show_note(kept_note_);
    if (resumed_) {
        restore_refused();
        return;
    }
    restore_draft();
}

void ApplicationFormPresenter::resume(const store::OutboxItem& item) {
    if (item.kind != application_outbox_kind) {
        return;
    }
    replaces_ = item.id;
    resumed_ = item;
}

void ApplicationFormPresenter::restore_refused() {
    json::error_code ec;
    auto v = json::parse(resumed_->payload, ec);
    const json::object* o = ec ? nullptr : v.if_object();
    const json::value* form = o ? o->if_contains("form") : nullptr;
    const auto values = form_values_from_json(form ? json::serialize(*form) : "{}");
    for (const auto& f : form_->fields) {
        if (auto it = values.find(f.name); it != values.end()) {
            fill(f.name, it->second);
        }
    }
    // The form is checked against the guide of today: what the platform refused shows up.
    for (const auto& [field, problem] :
         check_form(form_->fields, values_, local_date(context_.now()))) {
        set_problem(field, problem);
    }
    if (resumed_->refused_reason) {
        view_.show_note(decode_refusal(*resumed_->refused_reason));
    }
    for (const auto& path : resumed_->attachments) {
        add_attachment(path);
    }
    dirty_ = false;
}

void ApplicationFormPresenter::restore_draft() {
    struct Draft {
        std::optional<std::string> values;
        std::optional<std::string> files;
    };
    const std::string citizen = context_.data.citizen_id();
    context_.vault.run<Draft>(
        [service = service_id_, citizen](store::Vault& v) -> Result<Draft> {
            store::Preferences prefs(v);
            auto read = [&](const std::string& who) -> Result<Draft> {
                auto values = prefs.get(draft_key(service, who));
                if (!values.ok()) {
                    return values.error();
                }
                auto files = prefs.get(draft_files_key(service, who));
                if (!files.ok()) {
                    return files.error();
                }
                return Draft{*values, *files};
            };
            auto own = read(citizen);
            if (!own.ok() || own->values || own->files || citizen.empty()) {
                return own;
            }
            // A draft from before owners were recorded is the only citizen's, if there is one.
            auto seen = store::VaultCitizens(v).note(citizen, std::chrono::system_clock::now());
            if (!seen.ok() || *seen != 1) {
                return own;
            }
            return read({});
        },
        lifetime_.guard([this](Result<Draft> r) {
            if (!r.ok() || (!r->values && !r->files)) {
                return;
            }
            bool any = false;
            if (r->values) {
                auto draft = form_values_from_json(*r->values);
                for (const auto& f : form_->fields) {
                    auto it = draft.find(f.name);
                    if (it != draft.end() && values_[f.name].empty()) {
                        fill(f.name, it->second);
                        any = any || !it->second.empty();
                    }
                }
            }
            dirty_ = false;
            if (any && kept_note_.empty()) { // that the form may be out of date matters more
                view_.show_note(msg(N_("Your unfinished form was restored.")));
            }
            // The files are read again, off this thread, and checked as when first added; one
            // that is gone or changed says so and is left out.
            for (const auto& path : paths_from_json(r->files.value_or("[]"))) {
                add_attachment(path);
            }
        }));
}

void ApplicationFormPresenter::fill(const std::string& field, const std::string& value) {
    values_[field] = value;
    view_.show_value(field, value);
    for (const auto& f : form_->fields) {
        if (f.name == field) {
            set_problem(field, value.empty() ? Message{}
                                             : check_field(f, value, local_date(context_.now())));
        }
    }
}

void ApplicationFormPresenter::set_value(const std::string& field, const std::string& value) {
    if (!form_ || done_) {
        return;
    }
    for (const auto& f : form_->fields) {
        if (f.name != field) {
            continue;
        }
        if (values_[field] != value) {
            values_[field] = value;
            dirty_ = true;
        }
        set_problem(field, check_field(f, value, local_date(context_.now())));
    }
}

void ApplicationFormPresenter::set_problem(const std::string& field, const Message& problem) {
    if (problem.empty()) {
        problems_.erase(field);
    } else {
        problems_[field] = problem;
    }
    view_.show_field_problem(field, problem);
}

namespace {

// The profile's value for a field of the form, by the field's type or name; empty when the
// profile has none for it.
std::string profile_value(const api::FormField& f, const store::Profile& profile) {
    const auto kind = field_kind(f.type);
    if (kind == FieldKind::resident_id) {
        return profile.resident_id;
    }
    if (kind == FieldKind::phone) {
        return profile.phone;
    }
    if (f.name.find("address") != std::string::npos) {
        return profile.address;
    }
    if (f.name.find("name") != std::string::npos &&
        (kind == FieldKind::text || kind == FieldKind::textarea)) {
        return profile.name;
    }
    return {};
}

bool has_profile_values(const store::Profile& p) {
    return !p.name.empty() || !p.resident_id.empty() || !p.phone.empty() || !p.address.empty();
}

std::string join_labels(const std::vector<std::string>& labels, bool chinese) {
    std::string out;
    for (const auto& l : labels) {
        if (!out.empty()) {
            out += chinese ? "\u3001" : ", ";
        }
        out += l;
    }
    return out;
}

} // namespace

void ApplicationFormPresenter::consent_to_prefill() {
    if (!form_ || consented_) {
        return;
    }
    consented_ = true;
    context_.vault.run<std::optional<store::Profile>>(
        [](store::Vault& v) { return store::ProfileRepository(v).load(); },
        lifetime_.guard([this](Result<std::optional<store::Profile>> r) {
            store::Profile profile;
            if (r.ok() && *r) {
                profile = **r;
            }
            if (profile.name.empty() && context_.data.profile()) {
                profile.name = localized(context_.data.profile()->name, context_.chinese);
            }
            // What the profile offers, field by field; typed text is replaced only when the
            // citizen says so, since it may be newer than the profile (a new phone).
            std::vector<std::pair<const api::FormField*, std::string>> offered;
            std::vector<std::string> typed_labels;
            for (const auto& f : form_->fields) {
                std::string value = profile_value(f, profile);
                const std::string& typed = values_[f.name];
                if (value.empty() || typed == value) {
                    continue;
                }
                if (!typed.empty()) {
                    typed_labels.push_back(localized(f.label, context_.chinese));
                }
                offered.emplace_back(&f, std::move(value));
            }
            const bool replace = !typed_labels.empty() && view_.confirm_replace(typed_labels);
            std::vector<std::string> filled;
            for (const auto& [f, value] : offered) {
                if (!values_[f->name].empty() && !replace) {
                    continue;
                }
                fill(f->name, value);
                filled.push_back(localized(f->label, context_.chinese));
            }
            dirty_ = dirty_ || !filled.empty();
            if (!filled.empty()) {
                view_.show_note(msg(N_("Filled in from your profile: {0}. Check the details "
                                       "before you submit."),
                                    {join_labels(filled, context_.chinese)}));
            } else if (has_profile_values(profile)) {
                view_.show_note(msg(N_("Nothing was changed: the form already holds your "
                                       "details or what you typed.")));
            } else {
                view_.show_note(msg(N_("Your profile has nothing to fill in. Add your details "
                                       "under File > My Profile to save typing next time.")));
            }
        }));
}

void ApplicationFormPresenter::add_attachment(const std::string& path) {
    if (!form_ || done_) {
        return;
    }
    const std::string name = filename_of(path);
    if (!attachment_content_type(name)) { // before touching the disk
        view_.show_note(check_attachment(*form_, name, 1, attachments_.size()));
        return;
    }
    const api::OnlineForm form = *form_;
    const std::size_t already = attachments_.size();
    auto deliver = lifetime_.guard([this, path, name](Result<std::string> content) {
        if (!content.ok()) {
            view_.show_note(content.error().message_for_user());
            return;
        }
        auto problem = check_attachment(*form_, name, static_cast<std::int64_t>(content->size()),
                                        attachments_.size());
        if (!problem.empty()) {
            view_.show_note(problem);
            return;
        }
        AttachmentRow row{name, *attachment_content_type(name),
                          static_cast<std::int64_t>(content->size())};
        attachments_.push_back({path, row, std::move(*content)});
        dirty_ = true;
        view_.show_note({});
        show_attachments();
    });
    Dispatcher& ui = context_.ui;
    context_.worker.run([&ui, path, name, form, already, deliver]() mutable {
        std::error_code ec;
        const auto size = std::filesystem::file_size(path, ec);
        Result<std::string> content = std::string();
        if (ec) {
            content = read_file(path); // reports the unreadable file
        } else if (auto problem =
                       check_attachment(form, name, static_cast<std::int64_t>(size), already);
                   !problem.empty()) {
            Error e = make_error(ErrorKind::validation, "attachment refused");
            e.user_message = problem;
            content = e;
        } else {
            content = read_file(path);
        }
        ui.post([deliver, content = std::move(content)]() mutable { deliver(std::move(content)); });
    });
}

void ApplicationFormPresenter::remove_attachment(std::size_t index) {
    if (index < attachments_.size()) {
        attachments_.erase(attachments_.begin() + static_cast<std::ptrdiff_t>(index));
        dirty_ = true;
        show_attachments();
    }
}

void ApplicationFormPresenter::show_attachments() {
    std::vector<AttachmentRow> rows;
    for (const auto& a : attachments_) {
        rows.push_back(a.row);
    }
    view_.show_attachments(rows);
}

void ApplicationFormPresenter::flush_draft() {
    if (!dirty_ || done_) {
        return;
    }
    dirty_ = false;
    const std::string key = draft_key(service_id_, context_.data.citizen_id());
    const std::string value = form_values_to_json(values_);
    const std::string files_key = draft_files_key(service_id_, context_.data.citizen_id());
    json::array paths;
    for (const auto& a : attachments_) {
        paths.emplace_back(a.path);
    }
    const std::string files = json::serialize(paths);
    // No guard: the write must finish even when the form has just closed.
    context_.vault.run<Done>(
        [key, value, files_key, files](store::Vault& v) {
            store::Preferences prefs(v);
            if (auto s = prefs.set(key, value); !s.ok()) {
                return s;
            }
            return files == "[]" ? prefs.erase(files_key) : prefs.set(files_key, files);
        },
        [](Status s) {
            if (!s.ok()) {
                diag::warn(diag::Category::app, "draft not saved: ", s.error().log_line());
            }
        });
}

void ApplicationFormPresenter::submit() {
    if (!form_ || submitting_ || done_) {
        return;
    }
    problems_ = check_form(form_->fields, values_, local_date(context_.now()));
    for (const auto& f : form_->fields) {
        auto it = problems_.find(f.name);
        view_.show_field_problem(f.name, it == problems_.end() ? Message{} : it->second);
    }
    if (!problems_.empty()) {
        view_.show_note(msg(N_("Some fields need your attention.")));
        return;
    }
    // One key per press of Submit: a send whose answer is lost and the outbox's later attempt
    // are the same submission to the platform.
    submission_key_ = new_idempotency_key("cdapp-");
    submitting_ = true;
    view_.show_busy(true);
    if (context_.data.connection() == ConnectionState::offline) {
        queue(msg(N_("You are offline. Your application is saved and will be sent when the "
                     "platform can be reached.")));
        return;
    }
    api::NewApplication application;
    application.service_id = service_id_;
    application.form_json = form_values_json(form_->fields, values_);
    application.idempotency_key = submission_key_;
    for (const auto& a : attachments_) {
        application.attachments.push_back({a.row.filename, a.row.content_type, a.content});
    }
    send(std::move(application));
}

void ApplicationFormPresenter::send(api::NewApplication application) {
    call_platform<api::Application>(
        context_.platform, context_.ui,
        [application = std::move(application)](api::PlatformClient& c, auto done) {
            c.submit_application(application, done);
        },
        lifetime_.guard([this](Result<api::Application> r) {
            if (r.ok()) {
                if (replaces_ != 0) { // sent in its place: the refused one goes
                    const std::int64_t old = replaces_;
                    replaces_ = 0;
                    context_.vault.run<Done>(
                        [old](store::Vault& v) { return store::Outbox(v).discard(old); },
                        [&outbox = context_.outbox](Status) { outbox.refresh_refused_count(); });
                }
                finished(msg(N_("Your application was submitted. Its number is {0}."),
                             {readable_reference(r->id)}));
                return;
            }
            if (unreachable(r.error())) {
                queue(msg(N_("The platform cannot be reached. Your application is saved and "
                             "will be sent when it can.")));
                return;
            }
            submitting_ = false;
            view_.show_busy(false);
            if (show_server_problems(r.error())) {
                view_.show_note(msg(N_("The platform found problems in some fields.")));
                return;
            }
            view_.show_note(r.error().message_for_user());
        }));
}

bool ApplicationFormPresenter::show_server_problems(const Error& error) {
    auto problems = field_problems_from(form_->fields, error);
    for (const auto& [field, problem] : problems) {
        set_problem(field, problem);
    }
    return !problems.empty();
}

void ApplicationFormPresenter::queue(const Message& why) {
    api::NewApplication a;
    a.service_id = service_id_;
    a.form_json = form_values_json(form_->fields, values_);
    a.idempotency_key = submission_key_;
    const std::string payload = outbox_payload(a, service_name_);
    std::vector<std::string> paths;
    for (const auto& at : attachments_) {
        paths.push_back(at.path);
    }
    const auto now = context_.now();
    const std::int64_t replaces = replaces_;
    context_.vault.run<std::int64_t>(
        [payload, paths, now, replaces, owner = context_.data.citizen_id()](store::Vault& v) {
            store::Outbox outbox(v);
            return replaces != 0
                       ? outbox.replace(replaces, application_outbox_kind, payload, paths, now)
                       : outbox.enqueue(application_outbox_kind, payload, paths, now, owner);
        },
        lifetime_.guard([this, why, replaces](Result<std::int64_t> r) {
            if (!r.ok()) {
                submitting_ = false;
                view_.show_busy(false);
                view_.show_note(r.error().message_for_user());
                return;
            }
            if (replaces != 0) {
                replaces_ = 0;
                context_.outbox.refresh_refused_count();
            }
            finished(why);
        }));
}

void ApplicationFormPresenter::finished(const Message& outcome) {
    submitting_ = false;
    done_ = true;
    dirty_ = false;
    view_.show_busy(false);
    const std::string key = draft_key(service_id_, context_.data.citizen_id());
    const std::string files_key = draft_files_key(service_id_, context_.data.citizen_id());
    context_.vault.run<Done>(
        [key, files_key](store::Vault& v) {
            store::Preferences prefs(v);
            if (auto s = prefs.erase(key); !s.ok()) {
                return s;
            }
            return prefs.erase(files_key);
        },
        [](Status) {});
    context_.outbox.flush();
    view_.show_submitted(outcome);
}

} // namespace cd::app
