// The public feed of My Voice (微观): recent reports in the city with their status and the
// official answer, filtered by category and district; opening one shows its whole exchange.
// A report carries a name only when it is the citizen's own and they did not choose to stay
// anonymous; everyone else's, and anonymous ones, show no name. Also the city's hotline.
// At a city without the servicerequestupdates extension the exchange is the request's own
// status and notes, as in My reports. A change of endpoint reloads categories and feed.
#pragma once

#include "api/open311_types.h"
#include "app/app_context.h"
#include "app/my_reports_presenter.h"

#include <optional>
#include <string>
#include <vector>

namespace cd::app {

struct FeedItem {
    std::string id;
    std::string service_code;
    std::string service_name;
    Message state; // "Open", "Closed"
    std::string description;
    std::string address;
    std::string answer;        // the latest official words (status_notes)
    std::string requested_utc; // UTC ("2026-10-02T01:12:00Z"), whatever offset the city used
    std::string status;        // "open", "closed"
    std::string updated_utc;
    bool mine = false;
    std::string author; // empty: no name shown
};

class PublicFeedView {
public:
    virtual ~PublicFeedView() = default;
    // Both lists start with the "all" choice, which the view names.
    virtual void show_filters(const std::vector<std::string>& categories,
                              const std::vector<std::string>& districts) = 0;
    virtual void show_items(const std::vector<FeedItem>& items) = 0; // newest first
    virtual void show_exchange(const FeedItem& item,
                               const std::vector<TimelineEntry>& timeline) = 0;
    virtual void show_busy(bool busy) = 0;
    virtual void show_note(const Message& note) = 0; // empty clears
};

struct HotlineInfo {
    std::string name;
    std::string number;
};

// The city's citizen service hotline (12345, or the first listed); none without a city profile.
std::optional<HotlineInfo> city_hotline(const PlatformData& data, bool chinese);

class PublicFeedPresenter {
public:
    PublicFeedPresenter(AppContext& context, PublicFeedView& view);

    void start();
    void refresh();
    // 0 = all; then the categories / districts in the order shown.
    void choose_category(std::size_t index);
    void choose_district(std::size_t index);
    // An index into the shown (filtered) items.
    void open(std::size_t index);

    const std::vector<FeedItem>& shown() const { return shown_; }

private:
    void show_filters();
    void apply_filters();
    void name_categories(); // records without service_name: the name of their code

    AppContext& context_;
    PublicFeedView& view_;
    std::vector<api::open311::Service> services_;
    std::vector<FeedItem> all_;
    std::vector<FeedItem> shown_;
    std::string category_; // service code, "" = all
    std::string district_; // district id, "" = all
    Subscription subscription_;
    Lifetime lifetime_;
};

} // namespace cd::app
