// The Home (首页) tab's page: implements app::HomeView. "What needs attention now" lists each
// item with its one action as a button (keyboard reachable in tab order); the action leads to
// the tab that handles it. Below: the life events the citizen may choose, and the suggestions
// computed on this computer with why each is shown, and the switch that turns them off.
#pragma once

#include "app/home_presenter.h"
#include "ui/page.h"

#include <functional>
#include <vector>

class wxButton;
class wxCheckBox;
class wxScrolledWindow;
class wxStaticText;

namespace cd::ui {

class HomePage final : public Page, public app::HomeView {
public:
    HomePage(wxWindow* parent, app::AppContext& context);

    // Where an action leads: the frame shows that tab. TODO(home): Pay, Check status and
    // Move/Cancel could open their dialogs on the item directly once the pages expose them.
    void set_navigator(std::function<void(app::Tab)> navigate) { navigate_ = std::move(navigate); }

    void show_home(const app::HomeState& state) override;
    void on_page_shown() override;
    void rewrap() override;

    app::HomePresenter& presenter() { return presenter_; }
    // The attention items' action buttons, in list order (tests press them).
    const std::vector<wxButton*>& action_buttons() const { return actions_; }
    // The attention items' texts as shown.
    std::vector<wxString> item_texts() const;

private:
    void act(app::Tab tab);

    wxScrolledWindow* body_ = nullptr;
    wxStaticText* attention_heading_ = nullptr;
    wxPanel* attention_ = nullptr;
    wxStaticText* suggestions_heading_ = nullptr;
    wxCheckBox* suggestions_on_ = nullptr;
    std::vector<wxCheckBox*> life_events_;
    wxPanel* suggestions_ = nullptr;
    std::vector<wxButton*> actions_;
    std::vector<wxStaticText*> texts_;
    std::function<void(app::Tab)> navigate_;
    app::HomePresenter presenter_; // last
};

Page* create_home_page(wxWindow* parent, app::AppContext& context);

} // namespace cd::ui
