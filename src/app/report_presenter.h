// The Report screen of My Voice: the citizen picks a category from the city's Open311 service
// list (its definition's extra attributes become fields), describes the problem (up to 4,000
// characters, counted), gives the place (a district, an address or coordinates), attaches
// photos (JPEG or PNG, up to 5 MB each, three at most) and chooses whether to stay anonymous
// in the public feed. Send validates, then puts the report in the vault's outbox FIRST and
// asks the outbox to deliver it: offline it waits there (and says so), across app restarts.
// The deliverer of kind "voice.report" (registered here, see report_delivery.h) posts it to
// the Open311 endpoint in use; what the city says back is shown once it is delivered. The
// categories and their definitions come from the vault's cache first (open311_definitions.h),
// so the form is complete offline. A report the city refused can be opened here again (edit()):
// sending it replaces the refused one.
#pragma once

#include "api/form_encoding.h"
#include "api/open311_types.h"
#include "app/app_context.h"
#include "app/report_delivery.h"
#include "store/outbox.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace cd::app {

inline constexpr std::size_t max_description_chars = 4000;
inline constexpr std::uintmax_t max_photo_bytes = 5 * 1024 * 1024;
inline constexpr std::size_t max_photos = 3;

struct ReportDraft {
    std::string service_code;
    std::string description;
    std::string district; // a district id of the city, or ""
    std::string address;
    std::string latitude; // as typed; both or neither
    std::string longitude;
    std::map<std::string, std::vector<std::string>> attributes; // code -> value(s)
    std::vector<std::string> photos;                            // file paths
    bool anonymous = true;
};

struct ReportProblem {
    std::string field; // "service", "description", "place", "coordinates", "photos", or an
                       // attribute code
    Message message;
};

// Everything wrong with the draft, in form order; empty when it can be sent.
std::vector<ReportProblem> validate_report(const ReportDraft& draft,
                                           const std::vector<api::open311::Attribute>& attributes);

// Characters (code points), not bytes.
std::size_t description_length(const std::string& description);

// Whether a file may be attached; the message says why not. Reads the file: not on the UI thread.
std::optional<Message> check_photo(const std::string& path);

class ReportView {
public:
    virtual ~ReportView() = default;
    virtual void show_categories(const std::vector<api::open311::Service>& services) = 0;
    virtual void show_attributes(const std::vector<api::open311::Attribute>& attributes) = 0;
    virtual void show_districts(const std::vector<std::string>& names) = 0;
    virtual void show_counter(const Message& counter, bool too_long) = 0;
    virtual void show_photos(const std::vector<std::string>& paths) = 0;
    virtual void show_problems(const std::vector<ReportProblem>& problems) = 0;
    virtual void show_busy(bool busy) = 0;
    // A note under the form (sent, waiting, failed); empty clears it.
    virtual void show_note(const Message& note) = 0;
    // The report was queued: empty the form.
    virtual void clear_form() = 0;
    // Fills the form in (a refused report opened again); the attributes come first.
    virtual void show_draft(const ReportDraft& draft) = 0;
};

class ReportPresenter {
public:
    ReportPresenter(AppContext& context, ReportView& view);
    ~ReportPresenter();
    ReportPresenter(const ReportPresenter&) = delete;
    ReportPresenter& operator=(const ReportPresenter&) = delete;

    // Loads the service list (and the districts, once the city is known).
    void start();
    void choose_category(std::size_t index);
    void description_changed(const std::string& text);
    void add_photo(const std::string& path);
    void remove_photo(std::size_t index);
    void send(ReportDraft draft);
    // Opens a refused report again, filled in from its outbox payload; the next send() takes
    // its place in the outbox.
    void edit(const store::OutboxItem& item);
    bool editing() const { return replaces_ != 0; }

    const std::vector<api::open311::Service>& services() const { return services_; }
    const std::vector<api::open311::Attribute>& attributes() const { return attributes_; }
    const std::vector<std::string>& photos() const { return photos_; }
    // The district id at the index shown by show_districts().
    std::string district_id(std::size_t index) const;

private:
    void show_districts();
    void load_attributes(const std::string& code);
    api::FormFields payload_for(const ReportDraft& draft) const;
    ReportDraft draft_from(const store::OutboxItem& item) const;

    AppContext& context_;
    ReportView& view_;
    std::vector<api::open311::Service> services_;
    std::vector<api::open311::Attribute> attributes_;
    std::string attributes_for_; // the service code attributes_ belong to
    std::vector<std::string> photos_;
    bool sending_ = false;
    std::int64_t replaces_ = 0;          // the refused outbox item being edited, or 0
    std::optional<ReportDraft> editing_; // shown again once its attributes are there
    int listener_ = 0;
    std::shared_ptr<DeliveryNotes> notes_ = std::make_shared<DeliveryNotes>();
    Subscription subscription_;
    Lifetime lifetime_;
};

} // namespace cd::app
