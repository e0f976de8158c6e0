// Applying online for one service: the form built from the guide's field schema (the copy kept
// in the vault when the platform cannot be reached, see kept_service_guide.h), checked as the
// citizen types; the profile's name, ID number, phone and address filled in only after the
// citizen agrees; a draft kept in the vault (`draft.application.<service id>`) so a half-filled
// form survives closing the app; attachments read from disk off the UI thread; and submitting,
// or, when the platform cannot be reached, queueing in the vault's outbox (kind
// "application.submit") to be sent when it can.
#pragma once

#include "app/app_context.h"
#include "app/form_field_rules.h"
#include "app/kept_service_guide.h"
#include "store/outbox.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace cd::app {

struct FormFieldRow {
    std::string name;
    std::string label;
    FieldKind kind = FieldKind::text;
    bool required = false;
    std::vector<std::pair<std::string, std::string>> options; // value, label
};

struct AttachmentRow {
    std::string filename;
    std::string content_type;
    std::int64_t size = 0;
};

class ApplicationFormView {
public:
    virtual ~ApplicationFormView() = default;
    virtual void show_busy(bool busy) = 0;
    virtual void show_form(const std::string& service_name, const std::vector<FormFieldRow>& fields,
                           bool attachments_allowed) = 0;
    // A value the presenter put in (prefill, a restored draft).
    virtual void show_value(const std::string& field, const std::string& value) = 0;
    // The profile would replace what the citizen typed in these fields (their labels): true when
    // the citizen agrees. Asked once per fill, before anything changes.
    virtual bool confirm_replace(const std::vector<std::string>& field_labels) = 0;
    // An empty message clears the field's problem.
    virtual void show_field_problem(const std::string& field, const Message& problem) = 0;
    virtual void show_attachments(const std::vector<AttachmentRow>& attachments) = 0;
    // A note above the buttons; empty clears it.
    virtual void show_note(const Message& note) = 0;
    // The application left (sent, or queued to be sent): the form may close.
    virtual void show_submitted(const Message& outcome) = 0;
};

// The preference key of a citizen's draft for a service (each citizen signed in on the vault
// has their own; citizen '' is the key drafts had before owners were recorded, which a citizen
// gets back only while they are the one citizen ever signed in on this vault).
std::string draft_key(const std::string& service_id, const std::string& citizen_id = {});
// The draft's attachments: a JSON array of file paths, read again when the draft comes back.
std::string draft_files_key(const std::string& service_id, const std::string& citizen_id = {});

// The outbox kind of an application that waits to be sent.
inline constexpr const char* application_outbox_kind = "application.submit";

// The service a queued application is for.
std::string application_service_of(const store::OutboxItem& item);

// Registers the outbox's deliverer for queued applications (replacing any earlier one). Uses
// only the context, so it stays valid for the life of the app.
void install_application_deliverer(AppContext& context);

class ApplicationFormPresenter {
public:
    ApplicationFormPresenter(AppContext& context, ApplicationFormView& view,
                             std::string service_id);
    // Saves a pending draft (the vault finishes the write after the screen is gone).
    ~ApplicationFormPresenter();
    ApplicationFormPresenter(const ApplicationFormPresenter&) = delete;
    ApplicationFormPresenter& operator=(const ApplicationFormPresenter&) = delete;

    // Opens an application the platform refused (from the outbox) to be corrected: call before
    // start(); the form is filled in from it instead of the draft, and submitting replaces it.
    void resume(const store::OutboxItem& item);
    // Loads the guide's form, then the draft.
    void start();
    // The citizen typed: checks the field and marks the draft for saving.
    void set_value(const std::string& field, const std::string& value);
    // The citizen agreed to fill the form from their profile: empty fields get its values, typed
    // ones only after the view confirmed replacing them; the note names the fields filled.
    void consent_to_prefill();
    // A file chosen from disk: its type and size are checked, then it is read off the UI thread.
    void add_attachment(const std::string& path);
    void remove_attachment(std::size_t index);
    // Saves the draft when something changed since the last save (the view calls it a moment
    // after the last keystroke, and on close).
    void flush_draft();
    void submit();

    bool loaded() const { return form_.has_value(); }
    // The form came from the copy kept in the vault: the platform could not be reached.
    bool from_kept_copy() const { return !kept_note_.empty(); }
    bool consented() const { return consented_; }
    bool draft_dirty() const { return dirty_; }
    bool submitting() const { return submitting_; }
    const FormValues& values() const { return values_; }
    const std::map<std::string, Message>& problems() const { return problems_; }
    std::size_t attachment_count() const { return attachments_.size(); }

private:
    struct LoadedAttachment {
        std::string path;
        AttachmentRow row;
        std::string content;
    };

    void on_guide(Result<KeptGuide> result);
    void restore_draft();
    // Keeps (or, when empty, clears) the field's problem and shows it next to the field.
    void set_problem(const std::string& field, const Message& problem);
    void fill(const std::string& field, const std::string& value);
    void show_attachments();
    void send(api::NewApplication application);
    // Puts the fields a 422 problem named next to those fields; false when it named none.
    bool show_server_problems(const Error& error);
    void queue(const Message& why);
    void finished(const Message& outcome);
    void restore_refused();

    AppContext& context_;
    ApplicationFormView& view_;
    std::string service_id_;
    std::string submission_key_; // the Idempotency-Key of the submission under way
    std::optional<api::OnlineForm> form_;
    std::string service_name_;
    Message kept_note_; // the form is the vault's copy: from when, and that it will wait
    FormValues values_;
    std::map<std::string, Message> problems_;
    std::vector<LoadedAttachment> attachments_;
    bool consented_ = false;
    bool dirty_ = false;
    bool submitting_ = false;
    bool done_ = false;
    std::int64_t replaces_ = 0; // the refused outbox item being corrected, or 0
    std::optional<store::OutboxItem> resumed_;
    Lifetime lifetime_; // last: destroyed first, so late results are dropped
};

} // namespace cd::app
