#include "app/life_services_presenter.h"

#include <algorithm>

namespace cd::app {

LifeServicesPresenter::LifeServicesPresenter(AppContext& context, LifeServicesView& view)
    : context_(context), view_(view) {
    subscriptions_.emplace_back(context_.events, lifetime_.guard([this](AppEvent event) {
        if (event == AppEvent::city_changed || event == AppEvent::catalog_changed) {
            show_categories();
        } else if (event == AppEvent::online && !context_.data.catalog()) {
            fetch_catalog();
        }
    }));
}

void LifeServicesPresenter::start() {
    show_categories();
    if (!context_.data.catalog()) {
        fetch_catalog();
    }
}

// Kept small on purpose: the catalog sync owns revalidation and the vault cache.
void LifeServicesPresenter::fetch_catalog() {
    if (fetching_) {
        return;
    }
    fetching_ = true;
    view_.show_busy(true);
    call_platform<api::CatalogFetch>(
        context_.platform, context_.ui,
        [](api::PlatformClient& c, auto done) { c.catalog({}, done); },
        lifetime_.guard([this](Result<api::CatalogFetch> result) {
            fetching_ = false;
            view_.show_busy(false);
            if (context_.data.catalog()) {
                return; // the catalog sync was quicker
            }
            if (!result.ok() || !result->catalog) {
                view_.show_note(result.ok() ? msg(N_("The service catalog is not available."))
                                            : result.error().message_for_user());
                return;
            }
            context_.data.set_catalog(
                std::make_shared<const api::Catalog>(std::move(*result->catalog)));
        }));
}

void LifeServicesPresenter::show_categories() {
    auto city = context_.data.city();
    auto catalog = context_.data.catalog();
    categories_.clear();
    if (city) {
        for (const auto& c : city->categories) {
            CategoryRow row{c.id, localized(c.name, context_.chinese), 0};
            if (catalog) {
                row.services = std::size_t(
                    std::count_if(catalog->services.begin(), catalog->services.end(),
                                  [&](const api::CatalogEntry& s) {
                                      return s.kind == "convenience" && s.category == c.id;
                                  }));
            }
            categories_.push_back(std::move(row));
        }
    }
    view_.show_categories(categories_);
    if (!categories_.empty()) {
        choose_category(std::min(category_, categories_.size() - 1));
    }
}

void LifeServicesPresenter::choose_category(std::size_t index) {
    auto city = context_.data.city();
    auto catalog = context_.data.catalog();
    if (index >= categories_.size()) {
        return;
    }
    category_ = index;
    services_.clear();
    if (catalog) {
        const std::string& id = categories_[index].id;
        for (const auto& s : catalog->services) {
            if (s.kind != "convenience" || s.category != id) {
                continue;
            }
            ServiceRow row{s.id, localized(s.name, context_.chinese), {}};
            if (city) {
                for (const auto& d : city->districts) {
                    // Outlet names often end with their district already: say it once.
                    const auto& district = localized(d.name, context_.chinese);
                    if (d.id == s.district && row.name.find(district) == std::string::npos) {
                        row.district = district;
                    }
                }
            }
            services_.push_back(std::move(row));
        }
        std::sort(services_.begin(), services_.end(),
                  [](const ServiceRow& a, const ServiceRow& b) { return a.name < b.name; });
    }
    view_.show_services(services_);
}

void LifeServicesPresenter::open_service(std::size_t index) {
    if (index >= services_.size()) {
        return;
    }
    view_.show_busy(true);
    const std::string id = services_[index].id;
    auto page = std::make_shared<std::string>(); // for people: never the JSON address
    call_platform<api::ServiceGuide>(
        context_.platform, context_.ui,
        [id, page](api::PlatformClient& c, auto done) {
            *page = c.service_page_url(id);
            c.service_guide(id, done);
        },
        lifetime_.guard([this, page](Result<api::ServiceGuide> result) {
            view_.show_busy(false);
            if (!result.ok()) {
                view_.show_note(result.error().message_for_user());
                return;
            }
            const auto& g = *result;
            ServiceDetails details;
            details.id = g.service.id;
            details.name = localized(g.service.name, context_.chinese);
            details.summary = localized(g.summary, context_.chinese);
            if (g.address) {
                details.address = localized(*g.address, context_.chinese);
            }
            details.phone = g.phone;
            details.link = *page;
            view_.show_note({});
            view_.show_details(details);
        }));
}

} // namespace cd::app
