// The search box: a query as the citizen types, searched on the worker over the catalog index
// (Chinese, pinyin, initials, English), results grouped by tab (My Government, My Life) with
// the matched part of each name to highlight, and the keyboard: up/down move the selection,
// Enter opens the service, Escape closes the list (or clears the box). A result that arrives
// after a newer query is dropped. UI thread only.
#pragma once

#include "app/app_context.h"
#include "app/catalog_sync.h"
#include "app/tabs.h"
#include "core/catalog_index.h"

#include <atomic>
#include <memory>
#include <string>
#include <vector>

namespace cd::app {

struct SearchRow {
    std::string service_id;
    std::string name;               // in the display language
    std::vector<TextRange> matched; // UTF-8 byte ranges of `name` to highlight
    std::string other_name;         // in the other language (may be empty)
    std::vector<TextRange> other_matched;
    MatchTier tier = MatchTier::name_substring;
    // Keyword and life-event hits: the keyword or life event that matched ("社保卡"), shown
    // beside the names so the citizen sees why a name without the query is listed.
    std::string matched_term;
};

struct SearchGroup {
    Tab tab = Tab::government;
    std::vector<SearchRow> rows;
};

enum class SearchState {
    idle,      // the box is empty: no list
    waiting,   // the catalog index is not ready yet
    searching, // the query is on the worker
    results,
    no_match,
};

struct SearchModel {
    SearchState state = SearchState::idle;
    std::string query;
    std::vector<SearchGroup> groups; // government first, then life; no empty group
    std::size_t total = 0;           // every service that matched (rows show the best)
    int selected = -1;               // index into the rows of all groups in order; -1 = none
    bool open = false;               // the result list is shown
    Message note;                    // waiting / no match / "N more" text; empty = none
};

class SearchView {
public:
    virtual ~SearchView() = default;
    virtual void show_search(const SearchModel& model) = 0;
    virtual void open_service(const std::string& service_id) = 0;
};

class SearchPresenter final : public CatalogSyncListener {
public:
    static constexpr std::size_t max_rows = 30;

    // `sync` may be null (tests of the presenter alone then call set_index()).
    SearchPresenter(AppContext& context, SearchView& view, CatalogSync* sync);
    ~SearchPresenter() override;

    void set_query(const std::string& text);
    void move_selection(int delta); // +1 down, -1 up; wraps
    void select(int row);
    void activate();            // Enter: opens the selected (or the first) result
    void activate_row(int row); // a click or double-click on a row
    void escape();              // closes the list; a second Escape clears the query

    void set_index(std::shared_ptr<const CatalogIndex> index);
    const SearchModel& model() const { return model_; }
    int dropped_results() const { return dropped_; } // stale answers ignored

    void catalog_index_ready(const std::shared_ptr<const CatalogIndex>& index) override;

private:
    void run_query();
    void deliver(int generation, const SearchResults& results);
    std::size_t row_count() const;
    const SearchRow* row_at(int index) const;
    void show() { view_.show_search(model_); }

    AppContext& context_;
    SearchView& view_;
    CatalogSync* sync_;
    std::shared_ptr<const CatalogIndex> index_;
    SearchModel model_;
    int generation_ = 0;
    std::shared_ptr<std::atomic<int>> latest_ = std::make_shared<std::atomic<int>>(0);
    int dropped_ = 0;
    Lifetime lifetime_; // last
};

} // namespace cd::app
