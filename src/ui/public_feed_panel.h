// My Voice's public feed (微观): implements app::PublicFeedView. Category and district
// filters, the recent reports with status and answer, and the chosen report's exchange.
#pragma once

#include "app/public_feed_presenter.h"

#include <wx/panel.h>

class wxChoice;
class wxListCtrl;
class wxStaticText;
class wxTextCtrl;

namespace cd::ui {

class PublicFeedPanel final : public wxPanel, public app::PublicFeedView {
public:
    PublicFeedPanel(wxWindow* parent, app::AppContext& context);

    void show_filters(const std::vector<std::string>& categories,
                      const std::vector<std::string>& districts) override;
    void show_items(const std::vector<app::FeedItem>& items) override;
    void show_exchange(const app::FeedItem& item,
                       const std::vector<app::TimelineEntry>& timeline) override;
    void show_busy(bool busy) override;
    void show_note(const Message& note) override;

    app::PublicFeedPresenter& presenter() { return presenter_; }
    wxListCtrl* list() const { return list_; }

private:
    wxChoice* categories_ = nullptr;
    wxChoice* districts_ = nullptr;
    wxListCtrl* list_ = nullptr;
    wxTextCtrl* exchange_ = nullptr;
    wxStaticText* note_ = nullptr;
    app::PublicFeedPresenter presenter_; // last
};

} // namespace cd::ui
