// One tab's page in the main notebook, implementing app::TabView: for now it shows the tab's
// empty state (a headline and what will appear there) in large, readable text.
#pragma once

#include "app/tab_presenter.h"

#include "ui/page.h"

class wxStaticText;

namespace cd::ui {

class TabPanel final : public Page, public app::TabView {
public:
    TabPanel(wxWindow* parent, app::Tab tab);

    app::TabPresenter& presenter() { return presenter_; }

    void show_empty_state(const Message& headline, const Message& explanation) override;

    // What the panel shows, for tests and screen readers.
    wxString headline_text() const;
    wxString explanation_text() const;

    // Wraps the explanation again for the panel's width and current font.
    void rewrap() override;

private:
    wxStaticText* headline_ = nullptr;
    wxStaticText* explanation_ = nullptr;
    wxString explanation_unwrapped_;
    app::TabPresenter presenter_; // last: the view's widgets exist before it renders
};

} // namespace cd::ui
