#include "app/report_delivery.h"

#include "api/multipart.h"
#include "api/open311_client.h"
#include "api/open311_time.h"
#include "app/open311_settings.h"
#include "app/voice_reports.h"
#include "core/path_text.h"
#include "diag/log.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iterator>

namespace cd::app {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

std::string content_type_of(const std::string& path) {
    auto ext = path_to_utf8(path_from_utf8(path).extension());
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return ext == ".png" ? "image/png" : "image/jpeg";
}

std::string read_file(const std::string& path) {
    std::ifstream in(path_from_utf8(path), std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::optional<double> number(const std::string& text) {
    try {
        std::size_t used = 0;
        const double v = std::stod(text, &used);
        return used == text.size() ? std::optional<double>(v) : std::nullopt;
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

// Everything one delivery needs across its asynchronous steps.
struct Delivery {
    Dispatcher& ui;
    VaultService& vault;
    std::shared_ptr<DeliveryNotes> notes;
    store::OutboxItem item;
    api::FormFields fields;
    Open311Parts parts;
    std::function<void(Result<std::string>)> done;
};

// Remembers the city's id for the report before the outbox lets the item go.
void finish(std::shared_ptr<Delivery> d, std::string id, std::vector<std::string> kept,
            std::string notice) {
    if (d->notes && !notice.empty()) {
        d->notes->put(d->item.id, std::move(notice));
    }
    d->ui.post([d, id, kept] {
        d->vault.run<Done>(
            [reference = outbox_reference(d->item.id), id, kept](store::Vault& v) -> Result<Done> {
                auto st = map_my_report(v, reference, id, kept);
                if (!st.ok()) {
                    return st.error();
                }
                return Done{};
            },
            [d, id](Result<Done>) { d->done(id); });
    });
}

void resolve_token(std::shared_ptr<Delivery> d, const api::open311::CreatedRequest& created,
                   std::vector<std::string> kept) {
    api::open311::Open311Client city(d->parts.http, d->parts.config);
    city.token(created.token, [d, created, kept](Result<std::vector<api::open311::TokenAnswer>> r) {
        std::string id = "token:" + created.token; // My reports asks again later
        if (r.ok()) {
            for (const auto& t : *r) {
                if (!t.service_request_id.empty()) {
                    id = t.service_request_id;
                    break;
                }
            }
        }
        finish(d, id, kept, created.service_notice);
    });
}

void post(std::shared_ptr<Delivery> d) {
    api::FormFields form;
    if (!d->parts.config.api_key.empty()) {
        form.emplace_back("api_key", d->parts.config.api_key);
    }
    if (!d->parts.config.jurisdiction_id.empty()) {
        form.emplace_back("jurisdiction_id", d->parts.config.jurisdiction_id);
    }
    for (const auto& [name, value] : d->fields) {
        if (name.rfind("x-", 0) != 0) {
            form.emplace_back(name, value);
        }
    }
    net::Request request;
    request.method = net::Method::post;
    std::string endpoint = d->parts.config.endpoint;
    while (!endpoint.empty() && endpoint.back() == '/') {
        endpoint.pop_back();
    }
    request.url = endpoint + "/requests.json";
    request.headers.set("Accept", "application/json");
    // Its own connection: no silent re-send by libcurl, which could file the report twice.
    request.headers.set("Connection", "close");
    std::vector<std::string> kept;
    std::vector<std::string> photos;
    for (const auto& path : d->item.attachments) {
        if (std::error_code ec; !fs::exists(path_from_utf8(path), ec)) {
            diag::warn(diag::Category::app, "report photo gone, sent without it");
        } else if (photos.empty() || d->parts.multiple_media) {
            photos.push_back(path);
        } else {
            kept.push_back(path);
        }
    }
    if (photos.empty()) {
        request.headers.set("Content-Type", "application/x-www-form-urlencoded");
        request.body = api::form_encode(form);
    } else {
        std::vector<api::MultipartPart> body;
        for (const auto& [name, value] : form) {
            body.push_back({name, {}, {}, value});
        }
        for (const auto& path : photos) {
            body.push_back({"media", path_to_utf8(path_from_utf8(path).filename()),
                            content_type_of(path), read_file(path)});
        }
        auto encoded = api::encode_multipart(body);
        request.headers.set("Content-Type", encoded.content_type);
        request.body = std::move(encoded.body);
    }
    d->parts.http->send(std::move(request), [d, kept](Result<net::Response> r) {
        if (!r.ok()) {
            d->done(r.error());
            return;
        }
        if (!r->ok()) {
            d->done(api::open311::refusal_from_open311_response(*r));
            return;
        }
        auto created = api::open311::parse_created_request(r->body);
        if (!created.ok()) {
            d->done(created.error());
            return;
        }
        if (created->service_request_id.empty()) {
            resolve_token(d, *created, kept);
            return;
        }
        finish(d, created->service_request_id, kept, created->service_notice);
    });
}

// An earlier try may have reached the city: adopt what it stored instead of filing it again.
void look_up_then_post(std::shared_ptr<Delivery> d) {
    api::open311::RequestFilter filter;
    filter.service_code = payload_field(d->fields, "service_code");
    // A day either side: the city's clock and ours need not agree, and the reference, not
    // the time, decides.
    if (const auto created = api::open311::parse_datetime(d->item.created_utc)) {
        const auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
        filter.start_date = api::open311::utc_text(std::min(*created, now) - 24h);
        filter.end_date = api::open311::utc_text(std::max(*created, now) + 24h);
    }
    api::open311::Open311Client city(d->parts.http, d->parts.config);
    city.requests(filter, [d](Result<api::open311::RequestList> list) {
        if (!list.ok()) {
            if (list.error().retryable) {
                d->done(list.error()); // not knowing, sending again could file it twice
                return;
            }
            diag::warn(diag::Category::app,
                       "report lookup not possible, sending: ", list.error().log_line());
            post(d);
            return;
        }
        for (const auto& listed : list->requests) {
            if (is_same_report(listed, d->fields)) {
                diag::info(diag::Category::app, "report found at the city, adopted as ", listed.id);
                std::vector<std::string> kept;
                if (!d->parts.multiple_media && d->item.attachments.size() > 1) {
                    kept.assign(d->item.attachments.begin() + 1, d->item.attachments.end());
                }
                finish(d, listed.id, kept, {});
                return;
            }
        }
        post(d);
    });
}

} // namespace

void DeliveryNotes::put(std::int64_t item_id, std::string notice) {
    std::lock_guard lock(mutex_);
    notices_[item_id] = std::move(notice);
}

std::string DeliveryNotes::take(std::int64_t item_id) {
    std::lock_guard lock(mutex_);
    auto it = notices_.find(item_id);
    if (it == notices_.end()) {
        return {};
    }
    auto notice = std::move(it->second);
    notices_.erase(it);
    return notice;
}

bool is_same_report(const api::open311::ServiceRequest& listed, const api::FormFields& sent) {
    const std::string code = payload_field(sent, "service_code");
    if (!listed.service_code.empty() && listed.service_code != code) {
        return false;
    }
    const std::string description = payload_field(sent, "description");
    const std::string reference = client_reference_in(description);
    if (!reference.empty()) {
        return client_reference_in(listed.description) == reference;
    }
    if (listed.description != description) {
        return false;
    }
    const auto lat = number(payload_field(sent, "lat"));
    const auto lon = number(payload_field(sent, "long"));
    if (lat && lon) {
        return listed.lat && listed.lon && std::abs(*listed.lat - *lat) < 1e-5 &&
               std::abs(*listed.lon - *lon) < 1e-5;
    }
    return listed.address == payload_field(sent, "address_string");
}

OutboxSender::Deliverer report_deliverer(AppContext& context,
                                         std::shared_ptr<DeliveryNotes> notes) {
    return [&context, notes](const store::OutboxItem& item,
                             std::function<void(Result<std::string>)> done) {
        auto fields = decode_payload(item.payload);
        Dispatcher& ui = context.ui;
        VaultService& vault = context.vault;
        acquire_open311_parts(
            context, [&ui, &vault, notes, item, fields, done](Result<Open311Parts> parts) {
                if (!parts.ok()) {
                    done(parts.error());
                    return;
                }
                auto d = std::make_shared<Delivery>(
                    Delivery{ui, vault, notes, item, fields, std::move(*parts), done});
                if (item.attempts > 0) {
                    look_up_then_post(std::move(d));
                } else {
                    post(std::move(d));
                }
            });
    };
}

} // namespace cd::app
