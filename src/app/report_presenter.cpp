#include "app/report_presenter.h"

#include "api/open311_client.h"
#include "app/open311_definitions.h"
#include "app/open311_settings.h"
#include "app/voice_reports.h"
#include "core/utf8.h"
#include "core/wire_number.h"
#include "diag/log.h"
#include "store/outbox.h"

#include <boost/json.hpp>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <iterator>

namespace cd::app {
namespace {

namespace fs = std::filesystem;
using api::open311::Attribute;

// Typed coordinates and numeric answers travel as they are typed, so they are read as the wire
// writes them ("30.27"), whatever the desktop's locale would make of them.
std::optional<double> parse_number(const std::string& text) {
    return parse_wire_number(text);
}

std::string trimmed(const std::string& text) {
    auto b = text.find_first_not_of(" \t\r\n");
    if (b == std::string::npos) {
        return {};
    }
    return text.substr(b, text.find_last_not_of(" \t\r\n") - b + 1);
}

std::string attribute_label(const Attribute& a) {
    return a.description.empty() ? a.code : a.description;
}

} // namespace

std::size_t description_length(const std::string& description) {
    return utf8::decode(description).size();
}

std::vector<ReportProblem> validate_report(const ReportDraft& draft,
                                           const std::vector<Attribute>& attributes) {
    std::vector<ReportProblem> out;
    if (draft.service_code.empty()) {
        out.push_back({"service", msg(N_("Choose what kind of problem you are reporting."))});
    }
    const auto length = description_length(draft.description);
    if (trimmed(draft.description).empty()) {
        out.push_back({"description", msg(N_("Describe the problem."))});
    } else if (length > max_description_chars) {
        out.push_back(
            {"description", msg(N_("The description has {0} characters; at most 4,000 fit."),
                                {std::to_string(length)})});
    }
    const bool has_lat = !trimmed(draft.latitude).empty();
    const bool has_lon = !trimmed(draft.longitude).empty();
    if (has_lat || has_lon) {
        auto lat = parse_number(trimmed(draft.latitude));
        auto lon = parse_number(trimmed(draft.longitude));
        if (!lat || !lon || *lat < -90 || *lat > 90 || *lon < -180 || *lon > 180) {
            out.push_back(
                {"coordinates", msg(N_("Give both coordinates as numbers: latitude from -90 to 90, "
                                       "longitude from -180 to 180."))});
        }
    } else if (draft.district.empty() && trimmed(draft.address).empty()) {
        out.push_back(
            {"place", msg(N_("Give the place of the problem: a district, an address or the "
                             "coordinates."))});
    }
    for (const auto& a : attributes) {
        if (!a.variable) {
            continue;
        }
        auto it = draft.attributes.find(a.code);
        std::vector<std::string> values;
        if (it != draft.attributes.end()) {
            for (const auto& v : it->second) {
                if (!trimmed(v).empty()) {
                    values.push_back(trimmed(v));
                }
            }
        }
        if (values.empty()) {
            if (a.required) {
                out.push_back({a.code, msg(N_("Fill in \u201c{0}\u201d."), {attribute_label(a)})});
            }
            continue;
        }
        if (a.datatype == "number" && !parse_number(values.front())) {
            out.push_back(
                {a.code, msg(N_("\u201c{0}\u201d must be a number."), {attribute_label(a)})});
        } else if (a.datatype == "singlevaluelist" || a.datatype == "multivaluelist") {
            for (const auto& v : values) {
                bool listed = std::any_of(a.values.begin(), a.values.end(),
                                          [&v](const auto& item) { return item.key == v; });
                if (!listed) {
                    out.push_back({a.code, msg(N_("Choose \u201c{0}\u201d from the list."),
                                               {attribute_label(a)})});
                    break;
                }
            }
        }
    }
    if (draft.photos.size() > max_photos) {
        out.push_back({"photos", msg(N_("Attach at most three photos."))});
    }
    return out;
}

std::optional<Message> check_photo(const std::string& path) {
    std::error_code ec;
    const auto size = fs::file_size(path, ec);
    if (ec) {
        return msg(N_("The photo could not be read."));
    }
    if (size > max_photo_bytes) {
        return msg(N_("The photo is larger than 5 MB."));
    }
    std::ifstream in(path, std::ios::binary);
    unsigned char head[8] = {};
    in.read(reinterpret_cast<char*>(head), sizeof head);
    const bool jpeg = in.gcount() >= 3 && head[0] == 0xFF && head[1] == 0xD8 && head[2] == 0xFF;
    const bool png =
        in.gcount() >= 8 && head[0] == 0x89 && head[1] == 'P' && head[2] == 'N' && head[3] == 'G';
    if (!jpeg && !png) {
        return msg(N_("Only JPEG and PNG photos can be attached."));
    }
    return std::nullopt;
}

ReportPresenter::ReportPresenter(AppContext& context, ReportView& view)
    : context_(context), view_(view) {
    context_.outbox.set_deliverer(report_outbox_kind, report_deliverer(context_, notes_));
    listener_ = context_.outbox.add_listener(
        lifetime_.guard([this](const store::OutboxItem& item, const Result<std::string>& outcome) {
            if (item.kind != report_outbox_kind) {
                return;
            }
            if (outcome.ok()) {
                const std::string notice = notes_->take(item.id);
                view_.show_note(
                    notice.empty()
                        ? msg(N_("Your report was delivered to the city (number {0})."), {*outcome})
                        : msg(N_("Your report was delivered to the city (number {0}). The city "
                                 "says: {1}"),
                              {*outcome, notice}));
            } else if (outcome.error().retryable) {
                view_.show_note(msg(N_("Your report is waiting to be sent: the city's service "
                                       "cannot be reached. It will be sent when it can.")));
            } else {
                // Our words around the city's own (never the log's detail).
                view_.show_note(outcome.error().message_for_user());
            }
        }));
    subscription_ = Subscription(context_.events, lifetime_.guard([this](AppEvent event) {
        if (event == AppEvent::city_changed) {
            show_districts();
        }
        if (event == AppEvent::open311_changed) {
            services_.clear();
            attributes_.clear();
            attributes_for_.clear();
            view_.show_attributes(attributes_);
            start();
            return;
        }
        // Opened offline: the category list comes when it can.
        if ((event == AppEvent::city_changed || event == AppEvent::online) && services_.empty()) {
            start();
        }
    }));
}

ReportPresenter::~ReportPresenter() {
    context_.outbox.remove_listener(listener_);
}

void ReportPresenter::start() {
    show_districts();
    view_.show_counter(msg(N_("{0} / 4,000"), {"0"}), false);
    view_.show_busy(true);
    cached_open311_services(
        context_, lifetime_.guard([this](Result<std::vector<api::open311::Service>> services) {
            view_.show_busy(false);
            if (!services.ok()) {
                view_.show_note(services.error().user_message);
                return;
            }
            const bool first = services_.empty();
            services_ = std::move(*services);
            view_.show_categories(services_);
            if (first && !editing_) {
                // Kept for later, when the city may be out of reach.
                prefetch_open311_definitions(context_, services_);
            }
            if (editing_) {
                view_.show_draft(*editing_);
            }
        }));
}

void ReportPresenter::show_districts() {
    std::vector<std::string> names;
    if (auto city = context_.data.city()) {
        for (const auto& d : city->districts) {
            names.push_back(localized(d.name, context_.chinese));
        }
    }
    view_.show_districts(names);
}

std::string ReportPresenter::district_id(std::size_t index) const {
    auto city = context_.data.city();
    return city && index < city->districts.size() ? city->districts[index].id : std::string();
}

void ReportPresenter::choose_category(std::size_t index) {
    if (index >= services_.size()) {
        return;
    }
    const auto& service = services_[index];
    attributes_.clear();
    attributes_for_ = service.code;
    view_.show_attributes(attributes_);
    if (!service.metadata) {
        return;
    }
    load_attributes(service.code);
}

void ReportPresenter::load_attributes(const std::string& code) {
    cached_open311_definition(
        context_, code,
        lifetime_.guard([this, code](Result<api::open311::ServiceDefinition> definition) {
            if (code != attributes_for_) {
                return; // the citizen chose another category meanwhile
            }
            if (!definition.ok()) {
                view_.show_note(definition.error().user_message);
                return;
            }
            attributes_ = definition->attributes;
            std::stable_sort(attributes_.begin(), attributes_.end(),
                             [](const auto& a, const auto& b) { return a.order < b.order; });
            view_.show_attributes(attributes_);
            if (editing_ && editing_->service_code == code) {
                view_.show_draft(*editing_);
            }
        }));
}

ReportDraft ReportPresenter::draft_from(const store::OutboxItem& item) const {
    const auto fields = decode_payload(item.payload);
    ReportDraft d;
    d.service_code = payload_field(fields, "service_code");
    d.description = without_client_reference(payload_field(fields, "description"));
    d.district = payload_field(fields, "x-district");
    d.address = payload_field(fields, "address_string");
    // The district went in front of the address (GeoReport has no district field).
    if (auto city = context_.data.city(); city && !d.district.empty()) {
        for (const auto& district : city->districts) {
            const std::string name = district.name.zh.empty() ? district.name.en : district.name.zh;
            if (district.id == d.district && d.address.rfind(name, 0) == 0) {
                d.address = trimmed(d.address.substr(name.size()));
            }
        }
    }
    d.latitude = payload_field(fields, "lat");
    d.longitude = payload_field(fields, "long");
    for (const auto& [name, value] : fields) {
        if (name.rfind("attribute[", 0) != 0) {
            continue;
        }
        std::string code = name.substr(10);
        if (code.size() >= 2 && code.compare(code.size() - 2, 2, "[]") == 0) {
            code.resize(code.size() - 2);
        }
        if (!code.empty() && code.back() == ']') {
            code.pop_back();
        }
        d.attributes[code].push_back(value);
    }
    d.anonymous = payload_field(fields, "x-anonymous") != "0";
    d.photos = item.attachments;
    return d;
}

void ReportPresenter::edit(const store::OutboxItem& item) {
    if (item.kind != report_outbox_kind || sending_) {
        return;
    }
    ReportDraft draft = draft_from(item);
    replaces_ = item.id;
    editing_ = draft;
    photos_.clear();
    for (const auto& path : draft.photos) {
        if (photos_.size() < max_photos && fs::exists(path)) {
            photos_.push_back(path);
        }
    }
    view_.show_photos(photos_);
    attributes_.clear();
    attributes_for_ = draft.service_code;
    view_.show_attributes(attributes_);
    view_.show_draft(draft);
    if (item.refused_reason) {
        view_.show_note(decode_refusal(*item.refused_reason));
    }
    // The definition is asked for even when the category list is not there (offline, no
    // cache): its required fields are what the city refused the report for.
    load_attributes(draft.service_code);
}

void ReportPresenter::description_changed(const std::string& text) {
    const auto length = description_length(text);
    view_.show_counter(msg(N_("{0} / 4,000"), {std::to_string(length)}),
                       length > max_description_chars);
}

void ReportPresenter::add_photo(const std::string& path) {
    if (photos_.size() >= max_photos) {
        view_.show_problems({{"photos", msg(N_("Attach at most three photos."))}});
        return;
    }
    Dispatcher& ui = context_.ui;
    auto on_checked = lifetime_.guard([this, path](std::optional<Message> problem) {
        if (problem) {
            view_.show_problems({{"photos", *problem}});
            return;
        }
        if (photos_.size() < max_photos &&
            std::find(photos_.begin(), photos_.end(), path) == photos_.end()) {
            photos_.push_back(path);
        }
        view_.show_photos(photos_);
    });
    context_.worker.run([&ui, path, on_checked]() mutable {
        auto problem = check_photo(path);
        ui.post([on_checked, problem]() mutable { on_checked(problem); });
    });
}

void ReportPresenter::remove_photo(std::size_t index) {
    if (index < photos_.size()) {
        photos_.erase(photos_.begin() + static_cast<std::ptrdiff_t>(index));
        view_.show_photos(photos_);
    }
}

api::FormFields ReportPresenter::payload_for(const ReportDraft& draft) const {
    api::FormFields f;
    f.emplace_back("service_code", draft.service_code);
    for (const auto& s : services_) {
        if (s.code == draft.service_code) {
            f.emplace_back("x-service-name", s.name);
        }
    }
    f.emplace_back("x-ref", new_client_reference());
    f.emplace_back("description",
                   with_client_reference(trimmed(draft.description), f.back().second));
    std::string district_name;
    if (auto city = context_.data.city(); city && !draft.district.empty()) {
        for (const auto& d : city->districts) {
            if (d.id == draft.district) {
                district_name = d.name.zh.empty() ? d.name.en : d.name.zh;
            }
        }
    }
    // The city sees the district as the start of the address (GeoReport has no district field).
    std::string address = district_name;
    if (!trimmed(draft.address).empty()) {
        address += (address.empty() ? "" : " ") + trimmed(draft.address);
    }
    if (!address.empty()) {
        f.emplace_back("address_string", address);
    }
    if (!trimmed(draft.latitude).empty()) {
        f.emplace_back("lat", trimmed(draft.latitude));
        f.emplace_back("long", trimmed(draft.longitude));
    }
    for (const auto& a : attributes_) {
        auto it = draft.attributes.find(a.code);
        if (it == draft.attributes.end()) {
            continue;
        }
        for (const auto& v : it->second) {
            if (!trimmed(v).empty()) {
                f.emplace_back(a.datatype == "multivaluelist" ? "attribute[" + a.code + "][]"
                                                              : "attribute[" + a.code + "]",
                               trimmed(v));
            }
        }
    }
    f.emplace_back("x-district", draft.district);
    f.emplace_back("x-anonymous", draft.anonymous ? "1" : "0");
    if (!draft.anonymous) {
        if (const auto& profile = context_.data.profile()) {
            f.emplace_back("first_name", localized(profile->name, context_.chinese));
        }
    }
    return f;
}

void ReportPresenter::send(ReportDraft draft) {
    if (sending_) {
        return;
    }
    draft.photos = photos_;
    auto problems = validate_report(draft, draft.service_code == attributes_for_
                                               ? attributes_
                                               : std::vector<api::open311::Attribute>{});
    view_.show_problems(problems);
    if (!problems.empty()) {
        return;
    }
    if (!context_.vault.unlocked()) {
        view_.show_note(msg(N_("Unlock your data first: reports wait in your encrypted outbox.")));
        return;
    }
    const auto fields = payload_for(draft);
    const std::string payload = encode_payload(fields);
    MyReportEntry entry;
    entry.anonymous = draft.anonymous;
    entry.name = draft.anonymous ? std::string() : payload_field(fields, "first_name");
    entry.category = payload_field(fields, "x-service-name");
    const auto photos = photos_;
    const auto now = context_.now();
    const std::int64_t replaces = replaces_;
    sending_ = true;
    view_.show_busy(true);
    context_.vault.run<std::int64_t>(
        [payload, photos, now, entry, replaces,
         owner = context_.data.citizen_id()](store::Vault& v) mutable -> Result<std::int64_t> {
            store::Outbox outbox(v);
            auto id = replaces != 0
                          ? outbox.replace(replaces, report_outbox_kind, payload, photos, now)
                          : outbox.enqueue(report_outbox_kind, payload, photos, now, owner);
            if (!id.ok()) {
                return id;
            }
            entry.reference = outbox_reference(*id);
            auto st = replaces != 0 ? map_my_report(v, outbox_reference(replaces), entry.reference)
                                    : add_my_report(v, entry);
            if (!st.ok()) {
                return st.error();
            }
            return id;
        },
        lifetime_.guard([this, replaces](Result<std::int64_t> queued) {
            sending_ = false;
            view_.show_busy(false);
            if (!queued.ok()) {
                view_.show_note(queued.error().user_message);
                return;
            }
            if (replaces != 0) {
                replaces_ = 0;
                editing_.reset();
                context_.outbox.refresh_refused_count();
            }
            photos_.clear();
            attributes_.clear();
            attributes_for_.clear();
            view_.clear_form();
            view_.show_photos(photos_);
            view_.show_attributes(attributes_);
            view_.show_note(
                context_.data.online()
                    ? msg(N_("Your report is in your outbox and is being sent."))
                    : msg(N_("You are offline: your report waits in your outbox and will be "
                             "sent when the connection is back.")));
            context_.outbox.flush();
        }));
}

} // namespace cd::app
