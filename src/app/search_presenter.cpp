#include "app/search_presenter.h"

#include <algorithm>

namespace cd::app {
namespace {

bool blank(const std::string& text) {
    return std::all_of(text.begin(), text.end(),
                       [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
}

} // namespace

SearchPresenter::SearchPresenter(AppContext& context, SearchView& view, CatalogSync* sync)
    : context_(context), view_(view), sync_(sync) {
    if (sync_ != nullptr) {
        index_ = sync_->index();
        sync_->add_listener(this);
    }
}

SearchPresenter::~SearchPresenter() {
    if (sync_ != nullptr) {
        sync_->remove_listener(this);
    }
}

void SearchPresenter::catalog_index_ready(const std::shared_ptr<const CatalogIndex>& index) {
    set_index(index);
}

void SearchPresenter::set_index(std::shared_ptr<const CatalogIndex> index) {
    index_ = std::move(index);
    if (model_.state != SearchState::idle) {
        run_query(); // the query typed while waiting, or the same one over the new catalog
    }
}

void SearchPresenter::set_query(const std::string& text) {
    if (text == model_.query && model_.state != SearchState::idle) {
        model_.open = true;
        show();
        return;
    }
    model_.query = text;
    if (blank(text)) {
        ++generation_;
        latest_->store(generation_);
        model_ = SearchModel{};
        model_.query = text;
        show();
        return;
    }
    run_query();
}

void SearchPresenter::run_query() {
    const int generation = ++generation_;
    latest_->store(generation);
    model_.open = true;
    if (!index_) {
        model_.state = SearchState::waiting;
        model_.groups.clear();
        model_.total = 0;
        model_.selected = -1;
        model_.note = msg(N_("The service catalog is still loading..."));
        show();
        return;
    }
    model_.state = SearchState::searching;
    show();
    Dispatcher& ui = context_.ui;
    auto deliver = lifetime_.guard([this](int g, const SearchResults& r) { this->deliver(g, r); });
    context_.worker.run([&ui, index = index_, query = model_.query, generation, latest = latest_,
                         deliver]() mutable {
        if (latest->load() != generation) {
            ui.post([deliver, generation]() mutable { deliver(generation, SearchResults{}); });
            return; // a newer query is already queued: skip the work
        }
        SearchResults results = index->search(query, max_rows);
        ui.post([deliver, generation, results = std::move(results)]() mutable {
            deliver(generation, results);
        });
    });
}

void SearchPresenter::deliver(int generation, const SearchResults& results) {
    if (generation != generation_) {
        ++dropped_;
        return;
    }
    SearchGroup government{Tab::government, {}};
    SearchGroup life{Tab::life, {}};
    const bool zh = context_.chinese;
    for (const SearchHit& hit : results.hits) {
        const CatalogEntry& e = index_->entries()[hit.entry];
        SearchRow row;
        row.service_id = e.id;
        row.tier = hit.tier;
        const bool show_zh = zh ? !e.name_zh.empty() : e.name_en.empty();
        row.name = show_zh ? e.name_zh : e.name_en;
        row.matched = show_zh ? hit.name_zh : hit.name_en;
        row.other_name = show_zh ? e.name_en : e.name_zh;
        row.other_matched = show_zh ? hit.name_en : hit.name_zh;
        const auto& terms = hit.tier == MatchTier::keyword      ? e.keywords
                            : hit.tier == MatchTier::life_event ? e.life_events
                                                                : std::vector<std::string>{};
        if (hit.matched_item < terms.size()) {
            row.matched_term = terms[hit.matched_item];
        }
        (e.kind == ServiceKind::convenience ? life : government).rows.push_back(std::move(row));
    }
    model_.groups.clear();
    for (SearchGroup* g : {&government, &life}) {
        if (!g->rows.empty()) {
            model_.groups.push_back(std::move(*g));
        }
    }
    model_.total = results.total;
    model_.selected = results.hits.empty() ? -1 : 0;
    if (results.hits.empty()) {
        model_.state = SearchState::no_match;
        model_.note = msg(N_("No service matches \"{0}\"."), {model_.query});
    } else {
        model_.state = SearchState::results;
        model_.note =
            results.total > results.hits.size()
                ? msg(N_("Showing the best {0} of {1} services."),
                      {std::to_string(results.hits.size()), std::to_string(results.total)})
                : Message{};
    }
    show();
}

std::size_t SearchPresenter::row_count() const {
    std::size_t n = 0;
    for (const auto& g : model_.groups) {
        n += g.rows.size();
    }
    return n;
}

const SearchRow* SearchPresenter::row_at(int index) const {
    if (index < 0) {
        return nullptr;
    }
    auto i = static_cast<std::size_t>(index);
    for (const auto& g : model_.groups) {
        if (i < g.rows.size()) {
            return &g.rows[i];
        }
        i -= g.rows.size();
    }
    return nullptr;
}

void SearchPresenter::move_selection(int delta) {
    const int n = static_cast<int>(row_count());
    if (n == 0) {
        return;
    }
    if (!model_.open) {
        model_.open = true;
        show();
        return;
    }
    int next = model_.selected < 0 ? (delta > 0 ? 0 : n - 1) : model_.selected + delta;
    next = ((next % n) + n) % n;
    model_.selected = next;
    show();
}

void SearchPresenter::select(int row) {
    if (row_at(row) != nullptr && row != model_.selected) {
        model_.selected = row;
        show();
    }
}

void SearchPresenter::activate() {
    activate_row(model_.selected < 0 ? 0 : model_.selected);
}

void SearchPresenter::activate_row(int row) {
    const SearchRow* r = row_at(row);
    if (r == nullptr || model_.state != SearchState::results) {
        return;
    }
    const std::string id = r->service_id;
    model_.selected = row;
    model_.open = false;
    show();
    view_.open_service(id);
}

void SearchPresenter::escape() {
    if (model_.open) {
        model_.open = false;
        show();
        return;
    }
    set_query("");
}

} // namespace cd::app
