#include "app/public_feed_presenter.h"

#include "api/open311_time.h"
#include "app/open311_settings.h"
#include "app/voice_reports.h"

#include <algorithm>
#include <map>

namespace cd::app {
namespace {

constexpr std::size_t max_items = 200;

Message feed_state(const std::string& status) {
    return status == "closed" ? msg(N_("Closed")) : msg(N_("Open"));
}

} // namespace

std::optional<HotlineInfo> city_hotline(const PlatformData& data, bool chinese) {
    auto city = data.city();
    if (!city || city->hotlines.empty()) {
        return std::nullopt;
    }
    const api::Hotline* pick = &city->hotlines.front();
    for (const auto& h : city->hotlines) {
        if (h.number == "12345" ||
            (h.number.size() > 5 && h.number.compare(h.number.size() - 6, 6, "-12345") == 0)) {
            pick = &h;
            break;
        }
    }
    return HotlineInfo{localized(pick->name, chinese), pick->number};
}

PublicFeedPresenter::PublicFeedPresenter(AppContext& context, PublicFeedView& view)
    : context_(context), view_(view) {
    subscription_ = Subscription(context_.events, lifetime_.guard([this](AppEvent event) {
        if (event == AppEvent::city_changed) {
            show_filters();
        }
        if (event == AppEvent::online && all_.empty()) {
            start(); // it opened offline
        } else if (event == AppEvent::online && context_.data.freshness().stale(Tab::voice)) {
            refresh(); // what is shown was kept through the outage
        }
        if (event == AppEvent::open311_changed) {
            services_.clear();
            all_.clear();
            context_.data.freshness().cleared(Tab::voice, "feed");
            category_.clear();
            apply_filters();
            start(); // another city's categories and reports
        }
    }));
}

void PublicFeedPresenter::start() {
    show_filters();
    call_open311<std::vector<api::open311::Service>>(
        context_, [](api::open311::Open311Client& c, auto done) { c.services(done); },
        lifetime_.guard([this](Result<std::vector<api::open311::Service>> services) {
            if (services.ok()) {
                services_ = std::move(*services);
                show_filters();
                name_categories();
            }
        }));
    refresh();
}

void PublicFeedPresenter::show_filters() {
    std::vector<std::string> categories, districts;
    for (const auto& s : services_) {
        categories.push_back(s.name);
    }
    if (auto city = context_.data.city()) {
        for (const auto& d : city->districts) {
            districts.push_back(localized(d.name, context_.chinese));
        }
    }
    view_.show_filters(categories, districts);
}

void PublicFeedPresenter::refresh() {
    view_.show_busy(true);
    auto load_requests = lifetime_.guard([this](std::map<std::string, MyReportEntry> mine) {
        call_open311<api::open311::RequestList>(
            context_,
            [](api::open311::Open311Client& c, auto done) {
                c.requests(api::open311::RequestFilter{}, done);
            },
            lifetime_.guard([this, mine](Result<api::open311::RequestList> list) {
                view_.show_busy(false);
                if (!list.ok()) {
                    context_.data.freshness().failed(Tab::voice, "feed");
                    view_.show_note(list.error().user_message);
                    return;
                }
                view_.show_note({});
                context_.data.freshness().fresh(Tab::voice, "feed", context_.now());
                all_.clear();
                for (const auto& r : list->requests) {
                    FeedItem item;
                    item.id = r.id;
                    item.service_code = r.service_code;
                    item.service_name = r.service_name;
                    item.state = feed_state(r.status);
                    item.description = without_client_reference(r.description);
                    item.address = r.address;
                    item.answer = r.status_notes;
                    item.status = r.status;
                    item.requested_utc = api::open311::normalized_utc(r.requested_datetime);
                    item.updated_utc = api::open311::normalized_utc(r.updated_datetime);
                    if (auto it = mine.find(r.id); it != mine.end()) {
                        item.mine = true;
                        item.author = it->second.anonymous ? std::string() : it->second.name;
                        if (item.service_name.empty()) {
                            item.service_name = it->second.category;
                        }
                    }
                    all_.push_back(std::move(item));
                }
                // UTC text of one form sorts as the instants it names; unreadable times last.
                std::stable_sort(all_.begin(), all_.end(), [](const auto& a, const auto& b) {
                    return a.requested_utc > b.requested_utc;
                });
                name_categories();
                if (all_.size() > max_items) {
                    all_.resize(max_items);
                }
                apply_filters();
            }));
    });
    if (!context_.vault.unlocked()) {
        load_requests(std::map<std::string, MyReportEntry>{});
        return;
    }
    context_.vault.run<std::vector<MyReportEntry>>(
        [](store::Vault& v) { return load_my_reports(v); },
        [load_requests](Result<std::vector<MyReportEntry>> entries) mutable {
            std::map<std::string, MyReportEntry> mine;
            if (entries.ok()) {
                for (auto& e : *entries) {
                    mine[e.reference] = e;
                }
            }
            load_requests(std::move(mine));
        });
}

void PublicFeedPresenter::name_categories() {
    for (auto& item : all_) {
        for (const auto& s : services_) {
            if (item.service_name.empty() && !item.service_code.empty() &&
                s.code == item.service_code) {
                item.service_name = s.name;
            }
        }
    }
}

void PublicFeedPresenter::choose_category(std::size_t index) {
    category_ = index > 0 && index <= services_.size() ? services_[index - 1].code : "";
    apply_filters();
}

void PublicFeedPresenter::choose_district(std::size_t index) {
    auto city = context_.data.city();
    district_ =
        city && index > 0 && index <= city->districts.size() ? city->districts[index - 1].id : "";
    apply_filters();
}

void PublicFeedPresenter::apply_filters() {
    const api::District* district = nullptr;
    if (auto city = context_.data.city(); city && !district_.empty()) {
        for (const auto& d : city->districts) {
            if (d.id == district_) {
                district = &d;
            }
        }
    }
    auto in_district = [district](const FeedItem& item) {
        if (!district) {
            return true;
        }
        auto has = [&item](const std::string& name) {
            return !name.empty() && item.address.find(name) != std::string::npos;
        };
        return has(district->name.zh) || has(district->name.en);
    };
    shown_.clear();
    for (const auto& item : all_) {
        if ((category_.empty() || item.service_code == category_) && in_district(item)) {
            shown_.push_back(item);
        }
    }
    view_.show_items(shown_);
}

void PublicFeedPresenter::open(std::size_t index) {
    if (index >= shown_.size()) {
        return;
    }
    const FeedItem item = shown_[index];
    view_.show_exchange(item, {});
    call_open311<std::vector<api::open311::RequestUpdate>>(
        context_,
        [id = item.id, since = item.requested_utc](api::open311::Open311Client& c, auto done) {
            c.updates(id, since, done);
        },
        lifetime_.guard([this, item](Result<std::vector<api::open311::RequestUpdate>> updates) {
            if (!updates.ok()) {
                if (updates_unsupported(updates.error())) {
                    // No updates extension: what the request itself says, as My reports shows.
                    api::open311::ServiceRequest request;
                    request.status = item.status;
                    request.status_notes = item.answer;
                    request.updated_datetime = item.updated_utc;
                    request.requested_datetime = item.requested_utc;
                    view_.show_exchange(item, status_timeline(request));
                    return;
                }
                view_.show_note(updates.error().user_message);
                return;
            }
            view_.show_exchange(item, updates_timeline(*updates));
        }));
}

} // namespace cd::app
