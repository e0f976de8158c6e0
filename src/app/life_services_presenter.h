// The convenience services screen of My Life: the city's 8 convenience categories (city
// profile) with their services from the catalog (kind "convenience"), and one service's
// details: what it is, where, its phone and its page on the platform. When no catalog has
// arrived yet (the catalog sync fills PlatformData), it fetches the catalog once itself.
#pragma once

#include "app/app_context.h"

#include <optional>
#include <string>
#include <vector>

namespace cd::app {

struct CategoryRow {
    std::string id;
    std::string name;
    std::size_t services = 0;
};

struct ServiceRow {
    std::string id;
    std::string name;
    std::string district; // district name, empty = city-wide
};

struct ServiceDetails {
    std::string id;
    std::string name;
    std::string summary;
    std::string address; // empty when the platform gives none
    std::string phone;
    std::string link; // the service's page on the platform
};

class LifeServicesView {
public:
    virtual ~LifeServicesView() = default;
    virtual void show_busy(bool busy) = 0;
    virtual void show_categories(const std::vector<CategoryRow>& categories) = 0;
    virtual void show_services(const std::vector<ServiceRow>& services) = 0;
    virtual void show_details(const ServiceDetails& details) = 0;
    virtual void show_note(const Message& note) = 0; // empty clears
};

class LifeServicesPresenter {
public:
    LifeServicesPresenter(AppContext& context, LifeServicesView& view);

    void start();
    void choose_category(std::size_t index);
    void open_service(std::size_t index);

    const std::vector<CategoryRow>& categories() const { return categories_; }
    const std::vector<ServiceRow>& services() const { return services_; }

private:
    void show_categories();
    void fetch_catalog();

    AppContext& context_;
    LifeServicesView& view_;
    std::vector<CategoryRow> categories_;
    std::vector<ServiceRow> services_;
    std::size_t category_ = 0;
    bool fetching_ = false;
    std::vector<Subscription> subscriptions_;
    Lifetime lifetime_; // last
};

} // namespace cd::app
