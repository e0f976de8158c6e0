// One service's guide: what it is, the documents to bring (a checklist whose ticks the vault
// keeps per service), fees, the legal and promised time limits, the steps, the halls with their
// addresses, hours and whether each is open now, and whether it can be done online (Apply
// online) or booked at a hall. A convenience service shows its details, link and contact.
// Opening a guide notes the service as recently opened. The guide is kept in the vault and
// shown from there when the platform cannot be reached (kept_service_guide.h), so Apply online
// still opens a complete form offline. UI thread only.
#pragma once

#include "app/app_context.h"
#include "app/station_hours.h"
#include "core/money.h"

#include <chrono>
#include <string>
#include <vector>

namespace cd::app {

struct ChecklistItem {
    std::string name;
    bool original = false;
    std::int64_t copies = 0;
    bool ticked = false;
};

struct FeeRow {
    std::string item;
    Money amount;
};

struct StepRow {
    std::string name;
    std::string description;
};

struct HallRow {
    std::string id;
    std::string name;
    std::string address;
    std::string phone;
    std::vector<HoursSpan> hours;
    bool open_now = false;
};

struct GuideModel {
    std::string id;
    std::string name;
    std::string summary;
    bool convenience = false;
    std::vector<ChecklistItem> documents;
    std::vector<FeeRow> fees; // empty = free of charge
    std::int64_t legal_days = 0;
    std::int64_t promised_days = 0;
    std::vector<StepRow> steps;
    std::vector<HallRow> halls;
    bool online = false;   // Apply online
    bool bookable = false; // Book a hall
    std::string address;   // convenience: where
    std::string phone;
    std::string link; // the service's page on the platform
    bool favourite = false;
    Message kept_note; // shown from the vault's copy (the platform cannot be reached): since when
};

class ServiceGuideView {
public:
    virtual ~ServiceGuideView() = default;
    virtual void show_busy(bool busy) = 0;
    virtual void show_guide(const GuideModel& guide) = 0;
    virtual void show_checklist(const std::vector<ChecklistItem>& documents) = 0;
    virtual void show_favourite(bool favourite) = 0;
    virtual void show_error(const Message& message) = 0;
    virtual void apply_online(const std::string& service_id) = 0;
    virtual void book(const std::string& service_id, const std::string& hall_id) = 0;
};

// Whether a hall is open at `now` by its weekly hours, on the city's clock (UTC+8).
bool hall_open_at(const api::Hall& hall, std::chrono::system_clock::time_point now);

// The Preferences key holding a service's ticked documents ("0,2": indices of the ticked ones).
std::string checklist_key(const std::string& service_id);

class ServiceGuidePresenter {
public:
    ServiceGuidePresenter(AppContext& context, ServiceGuideView& view);

    void start(const std::string& service_id);
    void toggle_document(std::size_t index);
    void toggle_favourite();
    void apply_online();
    void book(int hall_index); // -1: the citizen picks the hall in the booking window
    void refresh_open_now();   // a minute passed

    const GuideModel& guide() const { return guide_; }
    bool loaded() const { return loaded_; }

private:
    void load_personal();
    void save_checklist();

    AppContext& context_;
    ServiceGuideView& view_;
    std::string id_;
    GuideModel guide_;
    std::vector<api::Hall> halls_;
    bool loaded_ = false;
    Lifetime lifetime_; // last
};

} // namespace cd::app
