// The Services page of My Government: browse the government services by department or by life
// event (the city profile lists both), and the citizen's favourites and recently opened
// services (kept in the vault's Preferences). Opening a service goes to the view, which opens
// the service guide (the guide notes it as recent). UI thread only.
#pragma once

#include "app/app_context.h"

#include <functional>
#include <map>
#include <string>
#include <vector>

namespace cd::app {

enum class BrowseMode { departments, life_events, favourites, recent };

struct BrowseGroup {
    std::string id;
    std::string name;
    std::size_t services = 0;
};

struct ServiceItem {
    std::string id;
    std::string name;
    bool online = false; // can be applied for online
};

class GovernmentView {
public:
    virtual ~GovernmentView() = default;
    // Departments or life events; empty for favourites and recent.
    virtual void show_groups(BrowseMode mode, const std::vector<BrowseGroup>& groups) = 0;
    virtual void show_services(const std::vector<ServiceItem>& services) = 0;
    virtual void show_note(const Message& note) = 0; // empty clears
    virtual void open_service(const std::string& service_id) = 0;
};

class GovernmentPresenter {
public:
    GovernmentPresenter(AppContext& context, GovernmentView& view);

    void start();
    void refresh(); // the page was shown: favourites and recent may have changed
    void set_mode(BrowseMode mode);
    void choose_group(std::size_t index);
    void open_service(std::size_t index);

    BrowseMode mode() const { return mode_; }
    const std::vector<BrowseGroup>& groups() const { return groups_; }
    const std::vector<ServiceItem>& services() const { return services_; }

private:
    void rebuild();
    void show_group();
    void load_personal();
    void show_ids(const std::vector<std::string>& ids);
    ServiceItem item_of(const api::CatalogEntry& e) const;

    AppContext& context_;
    GovernmentView& view_;
    BrowseMode mode_ = BrowseMode::departments;
    std::vector<BrowseGroup> groups_;
    std::vector<ServiceItem> services_;
    std::size_t group_ = 0;
    std::map<std::string, const api::CatalogEntry*> by_id_;
    std::vector<Subscription> subscriptions_;
    Lifetime lifetime_; // last
};

// The Preferences calls the guide and this page share: favourites and recently opened services.
void note_recent_service(AppContext& context, const std::string& service_id);
void set_favourite_service(AppContext& context, const std::string& service_id, bool favourite,
                           std::function<void(Status)> done);

} // namespace cd::app
