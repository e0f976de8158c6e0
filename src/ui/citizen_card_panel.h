// My Life's citizen card section: implements app::CitizenCardView.
#pragma once

#include "app/citizen_card_presenter.h"

#include <wx/panel.h>

class wxStaticText;

namespace cd::ui {

class CitizenCardPanel final : public wxPanel, public app::CitizenCardView {
public:
    CitizenCardPanel(wxWindow* parent, app::AppContext& context);

    void show_card(const app::CitizenCard& card) override;
    void show_no_card(const Message& reason) override;
    // Sizes the heading and lines to their text in their current fonts (after a text size
    // change: GTK may still report the old font's size for a label until it is drawn).
    void rewrap();

    wxStaticText* heading() const { return heading_; }
    wxStaticText* lines() const { return lines_; }

private:
    wxStaticText* heading_ = nullptr;
    wxStaticText* lines_ = nullptr;
    app::CitizenCardPresenter presenter_; // last
};

} // namespace cd::ui
